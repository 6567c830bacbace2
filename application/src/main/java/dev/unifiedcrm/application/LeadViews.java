package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.Reference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link Lead} as the JSON tree of the {@code unified} or {@code normalized} format, fields in
 * schema order (the lead schema of {@code GET /openapi.json}).
 */
public final class LeadViews {

    /** What to do with {@code remote_data}. */
    public enum RemoteData {
        /** Show the lead's remote data ({@code null} in {@code normalized} when there is none). */
        INCLUDE,
        /** {@code truto_ignore_remote_data=true}: no {@code remote_data} key at all. */
        OMIT
    }

    private LeadViews() {
    }

    /** Only the fields the mapping filled: no nulls, no empty lists or maps. */
    public static Map<String, Object> unified(Lead lead, RemoteData remoteData) {
        var view = new LinkedHashMap<String, Object>();
        fields(lead).forEach((name, value) -> {
            if (value != null && !isEmptyCollection(value)) {
                view.put(name, value);
            }
        });
        if (remoteData == RemoteData.INCLUDE && lead.remoteData() != null) {
            view.put("remote_data", lead.remoteData());
        }
        return view;
    }

    /** Every top-level field; {@code null} (or {@code []}, {@code {}}) where the integration supplies nothing. */
    public static Map<String, Object> normalized(Lead lead, RemoteData remoteData) {
        var view = new LinkedHashMap<String, Object>(fields(lead));
        if (remoteData == RemoteData.INCLUDE) {
            view.put("remote_data", lead.remoteData());
        }
        return view;
    }

    private static Map<String, Object> fields(Lead lead) {
        var fields = new LinkedHashMap<String, Object>();
        fields.put("id", lead.id());
        fields.put("owner", reference(lead.owner()));
        fields.put("lead_source", lead.leadSource());
        fields.put("lead_type", lead.leadType());
        fields.put("status", lead.status());
        fields.put("title", lead.title());
        fields.put("contact", reference(lead.contact()));
        fields.put("account", reference(lead.account()));
        fields.put("first_name", lead.firstName());
        fields.put("last_name", lead.lastName());
        fields.put("addresses", list(lead.addresses(), LeadViews::address));
        fields.put("email_addresses", list(lead.emailAddresses(), LeadViews::emailAddress));
        fields.put("phone_numbers", list(lead.phoneNumbers(), LeadViews::phoneNumber));
        fields.put("custom_fields", new LinkedHashMap<>(lead.customFields()));
        fields.put("last_activity_at", instant(lead.lastActivityAt()));
        fields.put("created_at", instant(lead.createdAt()));
        fields.put("updated_at", instant(lead.updatedAt()));
        fields.put("converted_at", instant(lead.convertedAt()));
        fields.put("converted_contact", reference(lead.convertedContact()));
        fields.put("converted_account", reference(lead.convertedAccount()));
        return fields;
    }

    private static Map<String, Object> reference(Reference reference) {
        if (reference == null) {
            return null;
        }
        var view = new LinkedHashMap<String, Object>();
        view.put("id", reference.id());
        return view;
    }

    private static Map<String, Object> address(Address address) {
        var view = new LinkedHashMap<String, Object>();
        view.put("street_1", address.street1());
        view.put("street_2", address.street2());
        view.put("city", address.city());
        view.put("state", address.state());
        view.put("postal_code", address.postalCode());
        view.put("country", address.country());
        view.put("type", address.type());
        return view;
    }

    private static Map<String, Object> emailAddress(EmailAddress email) {
        var view = new LinkedHashMap<String, Object>();
        view.put("email", email.email());
        view.put("type", email.type());
        return view;
    }

    private static Map<String, Object> phoneNumber(PhoneNumber phone) {
        var view = new LinkedHashMap<String, Object>();
        view.put("number", phone.number());
        view.put("extension", phone.extension());
        view.put("type", phone.type());
        return view;
    }

    private static <T> List<Object> list(List<T> values, Function<T, Map<String, Object>> view) {
        var list = new ArrayList<Object>(values.size());
        values.forEach(value -> list.add(view.apply(value)));
        return list;
    }

    private static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static boolean isEmptyCollection(Object value) {
        return (value instanceof List<?> list && list.isEmpty()) || (value instanceof Map<?, ?> map && map.isEmpty());
    }
}
