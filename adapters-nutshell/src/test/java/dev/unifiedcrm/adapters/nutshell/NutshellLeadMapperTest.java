package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapstruct.factory.Mappers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.json;
import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Nutshell's example lead and its variants through the real decoding (DTO, MapStruct mapper). */
class NutshellLeadMapperTest {

    private final NutshellLeadMapper mapper = Mappers.getMapper(NutshellLeadMapper.class);
    private final NutshellLeadDecoder decoder = new NutshellLeadDecoder(NutshellAnswers.JSON, mapper);

    private Lead fetched(String body, String canonicalId) {
        var found = decoder.fetched(json(200, body), canonicalId);
        assertThat(found).isInstanceOf(NutshellLeadDecoder.Fetched.Live.class);
        return ((NutshellLeadDecoder.Fetched.Live) found).lead();
    }

    @Test
    void mapsEveryUnifiedFieldOfTheExampleLead() {
        Lead lead = fetched(resource("lead.json"), "1003-leads");

        assertThat(lead.id()).isEqualTo("1003-leads");
        assertThat(lead.owner()).isEqualTo(new Reference("5-users"));
        assertThat(lead.leadSource()).isEqualTo("3-sources");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("open");
        assertThat(lead.title()).isEqualTo("Acme Corp packaging line upgrade");
        assertThat(lead.contact()).isEqualTo(new Reference("12-contacts"));
        assertThat(lead.account()).isEqualTo(new Reference("7-accounts"));
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isNull();
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2024-03-07T08:10:00Z"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isNull();
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).isInstanceOfSatisfying(Map.class, remote -> {
            assertThat(remote.get("number")).isEqualTo("1045");
            assertThat(remote).containsKeys("value", "links", "deletedTime", "htmlUrl").doesNotContainKey("leads");
        });
    }

    @Test
    void sparseLeadMapsWithoutError() {
        Lead lead = fetched(resource("lead-sparse.json"), "1005-leads");

        assertThat(lead.id()).isEqualTo("1005-leads");
        assertThat(lead.title()).isEqualTo("Follow-up");
        assertThat(lead.owner()).isNull();
        assertThat(lead.leadSource()).isNull();
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.status()).isNull();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.lastActivityAt()).as("a value that is not ISO-8601 is absent").isNull();
    }

    @Test
    void mapsInlineCustomFieldsDroppingNullAndEmptyValues() {
        Lead lead = fetched("""
                {"id": "7-leads", "customFields": {"Budget": 50000, "Region": "", "Notes": null, "Tier": "gold"}}""",
                "7-leads");

        assertThat(lead.customFields()).containsExactly(entry("Budget", 50000), entry("Tier", "gold"));
    }

    @Test
    void readsABareLeadAndABareNumericId() {
        Lead lead = fetched("""
                {"id": "8", "name": "Only a name", "description": ""}""", "8-leads");

        assertThat(lead.id()).isEqualTo("8-leads");
        assertThat(lead.title()).as("the name stands in for an empty description").isEqualTo("Only a name");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"timestamp\": 1709635521.25}",
            "{\"value\": \"2024-03-05T10:45:21.25+0000\"}",
            "{\"timestamp\": \"soon\", \"value\": \"2024-03-05T10:45:21.250Z\"}",
            "\"2024-03-05T10:45:21.25+00:00\"",
            "\"2024-03-05T11:45:21.25+0100\""})
    void readsEveryTimeShapeToTheSameInstant(String createdTime) {
        Lead lead = fetched("{\"id\": \"9-leads\", \"createdTime\": " + createdTime + "}", "9-leads");

        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21.250Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Mar 5, 2024\"", "\"2024-03-05T10:45:21\"", "{\"absoluteLocalizedString\": \"Mar 5, 2024\"}",
            "42", "{\"timestamp\": 1e30}", "\"\""})
    void timesThatAreNotInstantsAreAbsent(String createdTime) {
        Lead lead = fetched("{\"id\": \"9-leads\", \"createdTime\": " + createdTime + "}", "9-leads");

        assertThat(lead.createdAt()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-03-05\"", "{\"timestamp\": 1709635521}", "{}"})
    void aLeadWithDeletedTimeSetIsSoftDeleted(String deletedTime) {
        var found = decoder.fetched(json(200, "{\"id\": \"1003-leads\", \"deletedTime\": " + deletedTime + "}"), "1003-leads");

        assertThat(found).isInstanceOf(deletedTime.equals("{}")
                ? NutshellLeadDecoder.Fetched.Live.class
                : NutshellLeadDecoder.Fetched.SoftDeleted.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "\"\""})
    void anEmptyDeletedTimeIsALiveLead(String deletedTime) {
        var found = decoder.fetched(json(200, "{\"id\": \"1003-leads\", \"deletedTime\": " + deletedTime + "}"), "1003-leads");

        assertThat(found).isInstanceOf(NutshellLeadDecoder.Fetched.Live.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{}", "{\"leads\": []}", "{\"id\": 1003}", "[{\"id\": \"1003-leads\"}]", "<html></html>"})
    void aFetchAnswerWithoutALeadIsAContractBreach(String body) {
        assertThatThrownBy(() -> decoder.fetched(json(200, body), "1003-leads"))
                .isInstanceOfSatisfying(ProviderContractBreach.class, breach ->
                        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY))
                .hasMessageContaining("holds no lead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"leads\": [{\"id\": \"1004-leads\"}]}", "{\"id\": \"1003-contacts\"}", "{\"id\": \"10030\"}"})
    void anotherLeadsIdIsAContractBreach(String body) {
        assertThatThrownBy(() -> decoder.fetched(json(200, body), "1003-leads"))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("another lead's id");
        assertThatThrownBy(() -> decoder.deleted(json(200, body), "1003-leads"))
                .isInstanceOf(ProviderContractBreach.class);
    }

    @Test
    void aLeadFieldOfTheWrongTypeIsAContractBreach() {
        assertThatThrownBy(() -> decoder.fetched(json(200, "{\"id\": \"1-leads\", \"links\": \"5-users\"}"), "1-leads"))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("unexpected type");
    }

    @Test
    void deleteAnswerFillsTheDeleteFieldsAndKeepsTheWholeBody() {
        var answer = json(200, resource("lead.json"));

        Lead lead = decoder.deleted(answer, "1003-leads").orElseThrow();

        assertThat(lead.id()).isEqualTo("1003-leads");
        assertThat(lead.owner()).isEqualTo(new Reference("5-users"));
        assertThat(lead.leadSource()).isEqualTo("3-sources");
        assertThat(lead.status()).isEqualTo("open");
        assertThat(lead.title()).isEqualTo("Acme Corp packaging line upgrade");
        assertThat(lead.contact()).isEqualTo(new Reference("12-contacts"));
        assertThat(lead.account()).isEqualTo(new Reference("7-accounts"));
        assertThat(lead.createdAt()).as("dates are not part of a delete answer").isNull();
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.remoteData()).isInstanceOfSatisfying(Map.class,
                remote -> assertThat(remote).containsKeys("meta", "links", "leads", "contacts", "accounts"));
    }

    @Test
    void aDeleteAnswerWithoutALeadDescribesNoLead() {
        assertThat(decoder.deleted(json(200, "{\"ok\": true}"), "1003-leads")).isEmpty();
        assertThat(decoder.deleted(json(204, ""), "1003-leads")).isEmpty();
        assertThat(decoder.deleted(NutshellAnswers.answer(200, "text/plain", "deleted"), "1003-leads")).isEmpty();
        assertThat(decoder.deleted(json(200, "{\"leads\": [\"1003-leads\"]}"), "1003-leads")).isEmpty();
        assertThat(decoder.deleted(json(200, "{\"leads\": []}"), "1003-leads")).isEmpty();
    }
}
