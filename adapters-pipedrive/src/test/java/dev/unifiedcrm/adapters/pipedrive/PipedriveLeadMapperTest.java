package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapstruct.factory.Mappers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Pipedrive's documented lead through the real decoding (envelope, DTO, MapStruct mapper) onto every unified field. */
class PipedriveLeadMapperTest {

    private final PipedriveLeadDecoder decoder =
            new PipedriveLeadDecoder(Answers.JSON, Mappers.getMapper(PipedriveLeadMapper.class));

    @Test
    void mapsEveryUnifiedFieldOfTheDocumentedLead() {
        Lead lead = decode(Answers.json(200, Answers.resource("lead.json")));

        assertThat(lead.id()).isEqualTo("adf21080-0e10-11eb-879b-05d71fb426ec");
        assertThat(lead.owner()).isEqualTo(new Reference("13540546"));
        assertThat(lead.leadSource()).isEqualTo("API");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("open");
        assertThat(lead.title()).isEqualTo("Acme Corp - packaging line upgrade");
        assertThat(lead.contact()).isEqualTo(new Reference("1092"));
        assertThat(lead.account()).isEqualTo(new Reference("374"));
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isNull();
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).containsExactly(
                entry("d4de1c1518b4531717c676029a45911c340390a6", new BigDecimal("12500.75")),
                entry("d4de1c1518b4531717c676029a45911c340390a6_currency", "EUR"),
                entry("9a3f5c2e8b1d4f60a7e2c3b4d5e6f708192a3b4c", "Trade show"));
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-03-05T10:45:21.004Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2026-03-07T08:12:03.512Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
    }

    @Test
    void remoteDataIsTheWholeDataObjectInItsOrderWithoutTheEnvelope() {
        Lead lead = decode(Answers.json(200, Answers.resource("lead.json")));

        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) lead.remoteData();
        assertThat(remote).hasSize(25).doesNotContainKey("success");
        assertThat(List.copyOf(remote.keySet()).subList(0, 4)).containsExactly("id", "title", "owner_id", "creator_id");
        assertThat(remote.get("value")).isEqualTo(Map.of("amount", 50000, "currency", "EUR"));
        assertThat(remote.get("label_ids")).isEqualTo(List.of("f08b42a0-4e75-11ea-9643-03698ef1cfd6"));
        assertThat(remote.get("expected_close_date")).isEqualTo("2026-06-30");
        assertThat(remote.containsKey("origin_id")).isTrue();
    }

    @Test
    void aSparseLeadMapsWithEveryOptionalFieldAbsent() {
        Lead lead = decode(Answers.json(200, Answers.resource("lead-sparse.json")));

        assertThat(lead).usingRecursiveComparison().ignoringFields("remoteData")
                .isEqualTo(Lead.withId("4d9f1a80-db5a-11ee-a1b2-3d4e5f607182"));
    }

    @Test
    void aLeadOfOnlyAnIdMaps() {
        Lead lead = decode(Answers.json(200, "{\"success\":true,\"data\":{\"id\":\"x\"}}"));

        assertThat(lead).isEqualTo(Lead.withId("x", Map.of("id", "x")));
    }

    @Test
    void anArchivedLeadHasStatusArchived() {
        assertThat(decode(Answers.json(200, "{\"success\":true,\"data\":{\"id\":\"x\",\"is_archived\":true}}")).status())
                .isEqualTo("archived");
    }

    @Test
    void integerIdsBecomeExactDecimalText() {
        Lead lead = decode(Answers.json(200, "{\"success\":true,\"data\":{\"id\":\"x\",\"owner_id\":9007199254740993,"
                + "\"person_id\":12345678901234567890,\"organization_id\":0}}"));

        assertThat(lead.owner()).isEqualTo(new Reference("9007199254740993"));
        assertThat(lead.contact()).isEqualTo(new Reference("12345678901234567890"));
        assertThat(lead.account()).isEqualTo(new Reference("0"));
    }

    @Test
    void onlyTopLevelFortyHexKeysWithOptionalSubfieldAreCustomFieldsAndEmptyOnesAreDropped() {
        String hex = "0123456789abcdef0123456789abcdef01234567";
        Lead lead = decode(Answers.json(200, "{\"success\":true,\"data\":{\"id\":\"x\","
                + "\"" + hex + "\":{\"nested\":[1,2.50]},"
                + "\"" + hex + "_formatted_address\":\"Main St 1\","
                + "\"" + hex + "_until\":null,"
                + "\"" + hex.toUpperCase() + "\":1,"
                + "\"" + hex.substring(1) + "\":2,"
                + "\"" + hex + "0\":3,"
                + "\"" + hex + "_Bad\":4,"
                + "\"" + hex + "_empty\":\"\","
                + "\"" + hex + "_zero\":0,"
                + "\"" + hex + "_false\":false,"
                + "\"custom\":5}}"));

        assertThat(lead.customFields()).containsExactly(
                entry(hex, Map.of("nested", List.of(1, new BigDecimal("2.50")))),
                entry(hex + "_formatted_address", "Main St 1"),
                entry(hex + "_zero", 0),
                entry(hex + "_false", false));
    }

    @ParameterizedTest
    @CsvSource({
            "2026-03-05T10:45:21Z, 2026-03-05T10:45:21Z",
            "2026-03-05T10:45:21.004Z, 2026-03-05T10:45:21.004Z",
            "2026-03-05T12:45:21+02:00, 2026-03-05T10:45:21Z",
            "2026-03-05T12:45:21.5+0200, 2026-03-05T10:45:21.500Z",
            "2026-03-05 10:45:21, 2026-03-05T10:45:21Z",
            "2026-03-05 10:45:21.25, 2026-03-05T10:45:21.250Z"})
    void dateTimesInEveryKnownFormBecomeUtcInstants(String value, String expected) {
        Lead lead = decode(Answers.json(200,
                "{\"success\":true,\"data\":{\"id\":\"x\",\"add_time\":\"" + value + "\",\"update_time\":\"" + value + "\"}}"));

        assertThat(lead.createdAt()).isEqualTo(Instant.parse(expected));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-05", "yesterday", "2026-03-05T10:45:21", "1772871000000", "2026-02-30 10:00:00",
            "2026-02-30T10:00:00+0000", "2026-03-05T25:00:00Z"})
    void aDateTimeInNoKnownFormIsAbsent(String value) {
        Lead lead = decode(Answers.json(200,
                "{\"success\":true,\"data\":{\"id\":\"x\",\"add_time\":\"" + value + "\"}}"));

        assertThat(lead.createdAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true,\"data\":null}", "{\"success\":true}", "{\"success\":true,\"data\":[]}",
            "{\"success\":true,\"data\":{\"id\":5}}", "{\"success\":true,\"data\":{\"id\":\"\"}}",
            "{\"success\":true,\"data\":{\"id\":\"x\",\"owner_id\":{\"id\":1}}}",
            "{\"success\":true,\"data\":{\"id\":\"x\",\"label_ids\":\"one\"}}"})
    void aSuccessWithoutALeadObjectBreaksTheContract(String body) {
        ProviderAnswer answer = Answers.json(200, body);

        assertThatThrownBy(() -> decode(answer))
                .isInstanceOfSatisfying(ProviderContractBreach.class, breach -> {
                    assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
                    assertThat(breach.providerAnswer()).isSameAs(answer);
                });
    }

    private Lead decode(ProviderAnswer answer) {
        PipedriveEnvelope.Reading reading = PipedriveEnvelope.read(answer);
        assertThat(reading).isInstanceOf(PipedriveEnvelope.Reading.Success.class);
        return decoder.decode(answer, (PipedriveEnvelope.Reading.Success) reading);
    }
}
