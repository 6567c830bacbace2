package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.provider.http.ProviderHttp;

import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.Reference;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PipelinerLeadMapperTest {

    private static final String JSON = "application/json";

    private final PipelinerLeadDeletionAdapter adapter =
            new PipelinerLeadDeletionAdapter(new ProviderHttp("Pipeliner", LeadIdFormat.UUID,
                    new AdapterSettings(Duration.ofSeconds(1), "unified-crm/test", AdapterSettings.ONE_MIB)));
    private final PipelinerJson json = new PipelinerJson();
    private final PipelinerLeadMapper mapper = PipelinerLeadMapper.INSTANCE;

    @Test
    void mapsEveryUnifiedFieldOfTheDocumentedLead() {
        Lead lead = decode("lead.json");

        assertThat(lead.id()).isEqualTo("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90");
        assertThat(lead.owner()).isEqualTo(new Reference("00000000-0000-0000-0000-000000011a3d"));
        assertThat(lead.leadSource()).isEqualTo("9a7e5d4c-0000-4000-8000-000000000002");
        assertThat(lead.leadType()).isEqualTo("4f1c2a3b-0000-4000-8000-000000000001");
        assertThat(lead.status()).isEqualTo("open");
        assertThat(lead.title()).as("a Pipeliner lead's name is the deal's name, not a job title").isNull();
        assertThat(lead.contact()).isEqualTo(new Reference("1d2e3f40-0000-4000-8000-000000000004"));
        assertThat(lead.account()).isEqualTo(new Reference("0bc376a4-c579-413a-9221-e86e4a134766"));
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isNull();
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).containsExactly(
                new EmailAddress("jane.doe@acme.example", "primary"),
                new EmailAddress("info@acme.example", "work"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("+1 415 555 0199", null, "primary"),
                new PhoneNumber("+1 415 555 0100", null, "work"));
        assertThat(lead.customFields()).containsExactly(Map.entry("cf_budget", 50000));
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21.004512Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-07T08:12:03.512345Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).isEqualTo(dataOf("lead.json"));
        assertThat(asMap(lead.remoteData()).keySet()).startsWith("id", "is_deleted", "is_delete_protected", "created")
                .endsWith("table_name", "cf_budget").hasSize(28);
    }

    @Test
    void aSparseLeadHasOnlyItsIdAndItsRemoteData() {
        Lead lead = decode("sparse-lead.json");

        assertThat(lead.id()).isEqualTo("0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b");
        assertThat(lead.owner()).isNull();
        assertThat(lead.leadSource()).isNull();
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isNull();
        assertThat(lead.title()).isNull();
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isNull();
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isNull();
        assertThat(lead.updatedAt()).isNull();
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).isEqualTo(dataOf("sparse-lead.json"));
    }

    @Test
    void aLeadWithOnlyAnIdMaps() {
        Lead lead = adapter.fetchedLead(answer("{\"success\": true, \"data\": {\"id\": \"0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b\"}}")).lead();

        assertThat(lead).isEqualTo(new Lead("0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b", null, null, null, null, null, null, null,
                null, null, List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null,
                Map.of("id", "0f9e8d7c-6b5a-4493-8271-605f4e3d2c1b")));
    }

    @Test
    void customFieldsAreTheNonStandardKeysInOrderWithExactValues() {
        Lead lead = decode("custom-fields-lead.json");

        assertThat(lead.customFields().keySet()).containsExactly("cf_budget", "cf_probability", "cf_huge_count",
                "cf_small_count", "cf_big_count", "cf_tiny", "cf_region", "cf_is_partner", "cf_tags", "cf_nested");
        Map<String, Object> custom = lead.customFields();
        assertThat(custom.get("cf_budget")).isEqualTo(new BigDecimal("1234.5600"));
        assertThat(((BigDecimal) custom.get("cf_budget")).scale()).isEqualTo(4);
        assertThat(custom.get("cf_probability")).isEqualTo(new BigDecimal("0.1"));
        assertThat(custom.get("cf_huge_count")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(custom.get("cf_small_count")).isEqualTo(7);
        assertThat(custom.get("cf_big_count")).isEqualTo(9007199254740993L);
        assertThat(custom.get("cf_tiny")).isEqualTo(new BigDecimal("1.0E-30"));
        assertThat(custom.get("cf_region")).isEqualTo("EMEA");
        assertThat(custom.get("cf_is_partner")).isEqualTo(true);
        // Custom fields without a value are dropped, as in every adapter.
        assertThat(custom).doesNotContainKeys("cf_empty", "cf_blank", "cf_spaces");
        assertThat(custom.get("cf_tags")).isEqualTo(Arrays.asList("a", 2, new BigDecimal("3.50"), null));
        assertThat(asMap(custom.get("cf_nested")).keySet()).containsExactly("z", "a");
        assertThat(asMap(asMap(custom.get("cf_nested")).get("a")).get("deep")).isEqualTo(new BigDecimal("0.30"));
        assertThat(custom).doesNotContainKeys("name", "ranking", "quick_email", "id", "status");
    }

    @Test
    void theLeadWithCustomFieldsMapsItsOtherFieldsToo() {
        Lead lead = decode("custom-fields-lead.json");

        assertThat(lead.id()).isEqualTo("5a6b7c8d-1e2f-4a3b-9c4d-5e6f7a8b9c0d");
        assertThat(lead.status()).isEqualTo("3");
        assertThat(lead.owner()).isEqualTo(new Reference("00000000-0000-0000-0000-000000011a3d"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-06-30T21:59:59.123456789Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-07-01T08:00:00Z"));
        assertThat(lead.convertedAt()).isEqualTo(Instant.parse("2024-07-02T09:30:00Z"));
        assertThat(lead.contact()).isEqualTo(new Reference("ab12cd34-0000-4000-8000-000000000009"));
        assertThat(lead.account()).isNull();
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("lead@example.test", "primary"));
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(asMap(lead.remoteData()).get("cf_budget")).isEqualTo(new BigDecimal("1234.5600"));
        assertThat(lead.remoteData()).isEqualTo(dataOf("custom-fields-lead.json"));
    }

    @ParameterizedTest
    @CsvSource({"1, open", "2, lost", "3, 3", "0, 0", "-1, -1", "12345678901234567890, 12345678901234567890", "1.0, open"})
    void statusOneIsOpenTwoIsLostOthersTheirNumber(String status, String expected) {
        assertThat(mapper.status(new BigDecimal(status))).isEqualTo(expected);
    }

    @Test
    void aMissingStatusIsAbsent() {
        assertThat(mapper.status(null)).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "2024-03-05 10:45:21.004512+00:00, 2024-03-05T10:45:21.004512Z",
            "2024-03-05T10:45:21.004512+00:00, 2024-03-05T10:45:21.004512Z",
            "2024-03-05T10:45:21.004512+02:00, 2024-03-05T08:45:21.004512Z",
            "2024-03-05 10:45:21-05:30, 2024-03-05T16:15:21Z",
            "2024-03-05T10:45:21Z, 2024-03-05T10:45:21Z",
            "2024-03-05 10:45:21.1+00:00, 2024-03-05T10:45:21.100Z",
            "2024-03-05T10:45:21.123456789+00:00, 2024-03-05T10:45:21.123456789Z",
            "2024-03-05 10:45:21.004512, 2024-03-05T10:45:21.004512Z"})
    void dateTimesBecomeInstantsWithFullPrecision(String pipeliner, String expected) {
        assertThat(mapper.instant(pipeliner)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2024-03-05", "2024-02-30 10:45:21+00:00", "2024-03-05 25:00:00+00:00", "2024-03-05X10:45:21+00:00"})
    void aDateTimeInAnotherFormIsRefused(String text) {
        assertThatThrownBy(() -> mapper.instant(text)).isInstanceOf(DateTimeParseException.class);
    }

    @ParameterizedTest
    @CsvSource({
            "https://us-east.api.pipelinersales.com/api/v100/rest/spaces/acme/entities/Contacts/1d2e3f40, 1d2e3f40",
            "https://h/entities/Accounts/0bc376a4/, 0bc376a4",
            "0bc376a4, 0bc376a4"})
    void aRelationUriBecomesItsLastPathSegment(String uri, String id) {
        assertThat(mapper.relation(uri)).isEqualTo(new Reference(id));
    }

    @Test
    void anEmptyRelationIsAbsent() {
        assertThat(mapper.relation("")).isNull();
        assertThat(mapper.relation(null)).isNull();
        assertThat(mapper.relation("https://h/entities/Contacts/")).isEqualTo(new Reference("Contacts"));
    }

    @Test
    void theDeleteAnswersDataIsTheDeletedId() {
        ProviderAnswer answer = answer("{\"success\": true, \"data\": \"8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90\"}");

        var deleted = mapper.toDeletedLead(new PipelinerDeleteAnswerDto(true, "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90"), answer);

        assertThat(deleted.id()).isEqualTo("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90");
        assertThat(deleted.answer()).isSameAs(answer);
    }

    // ---- helpers ----

    private Lead decode(String resource) {
        return adapter.fetchedLead(answer(PipelinerLeadDeletionAdapterTest.resource(resource))).lead();
    }

    private Object dataOf(String resource) {
        byte[] bytes = PipelinerLeadDeletionAdapterTest.resource(resource).getBytes(StandardCharsets.UTF_8);
        return asMap(((RemoteBody.Json) ProviderHttp.parseBody(bytes, JSON)).value()).get("data");
    }

    private ProviderAnswer answer(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ProviderAnswer(200, Map.of("Content-Type", List.of(JSON)), JSON, bytes, ProviderHttp.parseBody(bytes, JSON));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }
}
