package dev.unifiedcrm.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The unified lead: the same fields whatever the CRM (the schema {@code GET /openapi.json} describes).
 *
 * <p>Only {@code id} is required. Every other scalar or object field is {@code null} when the
 * provider has nothing for it; the lists and {@code customFields} are never null, only empty.
 * {@code customFields} values and {@code remoteData} are raw JSON as plain Java values: ordered
 * {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code BigDecimal} /
 * {@code BigInteger} / {@code Long} / {@code Integer}, {@code Boolean} and {@code null}.
 */
public record Lead(
        String id,
        Reference owner,
        String leadSource,
        String leadType,
        String status,
        String title,
        Reference contact,
        Reference account,
        String firstName,
        String lastName,
        List<Address> addresses,
        List<EmailAddress> emailAddresses,
        List<PhoneNumber> phoneNumbers,
        Map<String, Object> customFields,
        Instant lastActivityAt,
        Instant createdAt,
        Instant updatedAt,
        Instant convertedAt,
        Reference convertedContact,
        Reference convertedAccount,
        Object remoteData) {

    public Lead {
        Objects.requireNonNull(id, "id");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("id must not be empty");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        emailAddresses = emailAddresses == null ? List.of() : List.copyOf(emailAddresses);
        phoneNumbers = phoneNumbers == null ? List.of() : List.copyOf(phoneNumbers);
        // Custom-field values may be JSON null and keep the provider's order: no Map.copyOf here.
        customFields = customFields == null
                ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** A lead of which only the id is known, as after a delete whose provider answers with no body. */
    public static Lead withId(String id) {
        return withId(id, null);
    }

    /**
     * A lead of which only the id and the provider's raw answer are known, as after a delete.
     * (A static factory, not an instance "wither": MapStruct would take that for a target property.)
     */
    public static Lead withId(String id, Object remoteData) {
        return new Lead(id, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null, remoteData);
    }
}
