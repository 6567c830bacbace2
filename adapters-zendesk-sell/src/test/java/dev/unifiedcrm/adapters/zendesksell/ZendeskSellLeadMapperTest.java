package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.provider.http.ProviderHttp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Sell's documented lead JSON through the real decoding (the kit's body parsing, DTO, MapStruct mapper). */
class ZendeskSellLeadMapperTest {

    private final ObjectMapper json = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private final ZendeskSellLeadDecoder decoder =
            new ZendeskSellLeadDecoder(json, Mappers.getMapper(ZendeskSellLeadMapper.class));

    @Test
    void mapsEveryUnifiedFieldOfTheDocumentedLead() throws IOException {
        Lead lead = decode("lead.json");

        assertThat(lead.id()).isEqualTo("1");
        assertThat(lead.owner()).isEqualTo(new Reference("2"));
        assertThat(lead.leadSource()).isEqualTo("10");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("New");
        assertThat(lead.title()).isEqualTo("CEO");
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isEqualTo("Mark");
        assertThat(lead.lastName()).isEqualTo("Johnson");
        assertThat(lead.addresses()).containsExactly(
                new Address("2726 Smith Street", null, "Hyannis", "MA", "02601", "US", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("mark@designservices.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("508-778-6516", null, "work"), new PhoneNumber("508-778-6517", null, "mobile"));
        assertThat(lead.customFields()).containsExactly(entry("known_via", "Tom"));
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2014-08-27T16:32:56Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2014-08-28T09:10:11Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
    }

    @Test
    void remoteDataIsTheWholeDataObjectInItsOrderWithoutTheEnvelope() throws IOException {
        Lead lead = decode("lead.json");

        assertThat(lead.remoteData()).isInstanceOf(Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) lead.remoteData();
        assertThat(remote.keySet()).containsExactly(
                "id", "creator_id", "owner_id", "first_name", "last_name", "organization_name", "status", "source_id",
                "unqualified_reason_id", "title", "description", "industry", "website", "email", "phone", "mobile",
                "fax", "twitter", "facebook", "linkedin", "skype", "address", "tags", "custom_fields",
                "created_at", "updated_at");
        assertThat(remote.get("id")).isEqualTo(1);
        assertThat(remote.get("organization_name")).isEqualTo("Design Services Company");
        assertThat(remote.get("tags")).isEqualTo(List.of("important"));
        assertThat(remote.containsKey("fax")).isTrue();
        assertThat(remote.get("fax")).isNull();
        assertThat(remote.get("address")).isEqualTo(Map.of(
                "line1", "2726 Smith Street", "city", "Hyannis", "postal_code", "02601", "state", "MA", "country", "US"));
    }

    @Test
    void aSparseLeadHasOnlyItsIdAndEmptyCollections() throws IOException {
        Lead lead = decode("lead-sparse.json");

        assertThat(lead.id()).isEqualTo("9223372036854775807");
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
        assertThat(((Map<?, ?>) lead.remoteData()).get("id")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aLeadOfOnlyAnIdMapsWithEveryOptionalFieldMissing() {
        Lead lead = decoder.decode(answer("{\"data\":{\"id\":7},\"meta\":{\"type\":\"lead\"}}"));

        assertThat(lead).isEqualTo(new Lead("7", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null, Map.of("id", 7)));
    }

    @Test
    void customFieldsKeepTheirExactValuesAndOrderAndDatesTheirPrecision() throws IOException {
        Lead lead = decode("lead-exact-values.json");

        assertThat(lead.customFields().keySet()).containsExactly(
                "budget", "ratio", "big", "count", "flag", "choices", "nested");
        assertThat(lead.customFields().get("budget")).isEqualTo(new BigDecimal("50000.50"));
        assertThat(lead.customFields().get("ratio")).isEqualTo(new BigDecimal("0.1000"));
        assertThat(lead.customFields().get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(lead.customFields().get("count")).isEqualTo(3);
        assertThat(lead.customFields().get("flag")).isEqualTo(true);
        assertThat(lead.customFields().get("choices")).isEqualTo(List.of("a", "b"));
        assertThat(List.<Object>copyOf(((Map<?, ?>) lead.customFields().get("nested")).keySet())).isEqualTo(List.of("z", "a"));
        // Custom fields without a value are dropped, as in every adapter.
        assertThat(lead.customFields()).doesNotContainKeys("nothing", "empty", "blank");
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T08:45:21.123456789Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-07T08:12:03.500Z"));
        assertThat(lead.owner()).isEqualTo(new Reference("12345678901234"));
        assertThat(lead.leadSource()).isEqualTo("7");
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.phoneNumbers()).containsExactly(new PhoneNumber("+1 508 778 6599", null, "fax"));
        assertThat(((Map<?, ?>) lead.remoteData()).get("undocumented_field")).isEqualTo(Map.of("kept", "in remote_data"));
    }

    @Test
    void anAddressWithOnlySomePartsKeepsThemAndDropsTheEmptyOnes() {
        Lead lead = decoder.decode(answer(
                "{\"data\":{\"id\":1,\"address\":{\"line1\":\"\",\"city\":\"Hyannis\",\"country\":null}}}"));

        assertThat(lead.addresses()).containsExactly(new Address(null, null, "Hyannis", null, null, null, "primary"));
    }

    private Lead decode(String resource) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/zendesk-sell/" + resource)) {
            return decoder.decode(answer(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    private ProviderAnswer answer(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new ProviderAnswer(200, Map.of("Content-Type", List.of("application/json")), "application/json", bytes,
                ProviderHttp.parseBody(bytes, "application/json"));
    }
}
