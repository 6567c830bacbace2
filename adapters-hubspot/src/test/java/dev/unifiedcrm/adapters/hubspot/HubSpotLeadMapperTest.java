package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapstruct.factory.Mappers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** HubSpot's documented lead through the real decoding (DTO, MapStruct mapper) onto every unified field. */
class HubSpotLeadMapperTest {

    private static final List<String> CUSTOM = List.of("budget_eur", "trade_show_name");

    private final HubSpotLeadDecoder decoder = new HubSpotLeadDecoder(
            Answers.JSON, Mappers.getMapper(HubSpotLeadMapper.class), new HubSpotErrorDecoder());

    @Test
    void mapsEveryUnifiedFieldOfTheDocumentedLead() {
        Lead lead = decoder.decode(Answers.json(200, Answers.resource("lead.json")), CUSTOM);

        assertThat(lead.id()).isEqualTo("38475629104");
        assertThat(lead.owner()).isEqualTo(new Reference("75123456"));
        assertThat(lead.leadSource()).isEqualTo("OFFLINE");
        assertThat(lead.leadType()).isEqualTo("NEW_BUSINESS");
        assertThat(lead.status()).isEqualTo("attempting-stage-id");
        assertThat(lead.title()).isEqualTo("Acme Corp - packaging line upgrade");
        assertThat(lead.contact()).isEqualTo(new Reference("75301"));
        assertThat(lead.account()).isEqualTo(new Reference("9001234"));
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jane.doe@acme.example", "primary"));
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).containsExactly(entry("budget_eur", "50000"));
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2026-03-07T08:10:00Z"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-03-05T10:45:21.004Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2026-03-07T08:12:03.512Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
    }

    @Test
    void remoteDataIsTheWholeBodyInItsOrder() {
        Lead lead = decoder.decode(Answers.json(200, Answers.resource("lead.json")), CUSTOM);

        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) lead.remoteData();
        assertThat(remote.keySet()).containsExactly(
                "id", "properties", "createdAt", "updatedAt", "archived", "associations");
        Map<?, ?> properties = (Map<?, ?>) remote.get("properties");
        assertThat(properties.get("hs_lead_label")).isEqualTo("WARM");
        assertThat(properties.containsKey("trade_show_name")).isTrue();
        assertThat(remote.get("archived")).isEqualTo(false);
    }

    @Test
    void aSparseLeadMapsWithEveryOptionalFieldAbsent() {
        Lead lead = decoder.decode(Answers.json(200, Answers.resource("lead-sparse.json")), CUSTOM);

        assertThat(lead.id()).isEqualTo("9223372036854775807");
        assertThat(lead).usingRecursiveComparison().ignoringFields("remoteData")
                .isEqualTo(Lead.withId("9223372036854775807"));
    }

    @Test
    void aLeadWithEmptyPropertiesAndNoAssociationsMaps() {
        Lead lead = decoder.decode(Answers.json(200, "{\"id\":\"7\",\"properties\":{}}"), List.of());

        assertThat(lead).isEqualTo(Lead.withId("7", Map.of("id", "7", "properties", Map.of())));
    }

    @Test
    void withoutAPrimaryAssociationTheFirstIsChosen() {
        Lead lead = decoder.decode(Answers.json(200, """
                {"id":"7","properties":{},"associations":{
                  "contacts":{"results":[{"id":"11","type":"lead_to_contact"},{"id":"12","type":"lead_to_contact"}]},
                  "companies":{"results":[{"id":"21","type":"x"},{"id":"22","type":"LEAD_TO_PRIMARY_COMPANY"}]}}}
                """), List.of());

        assertThat(lead.contact()).isEqualTo(new Reference("11"));
        assertThat(lead.account()).isEqualTo(new Reference("22"));
    }

    @Test
    void customFieldsFollowTheAccountsOrderKeepHubSpotsStringsAndDropEmptyOnes() {
        Lead lead = decoder.decode(Answers.json(200, """
                {"id":"7","properties":{"a_flag":"false","b_count":"17","c_empty":"","d_null":null,"not_configured":"x"}}
                """), List.of("b_count", "a_flag", "c_empty", "d_null", "never_returned"));

        assertThat(lead.customFields()).containsExactly(entry("b_count", "17"), entry("a_flag", "false"));
    }

    @ParameterizedTest
    @CsvSource({
            "1772871000000, 2026-03-07T08:10:00Z",
            "1772871000123, 2026-03-07T08:10:00.123Z",
            "2026-03-07T10:10:00+02:00, 2026-03-07T08:10:00Z",
            "2026-03-07T10:10:00.5+0200, 2026-03-07T08:10:00.500Z",
            "2026-03-07T08:10:00.123456Z, 2026-03-07T08:10:00.123456Z"})
    void dateTimePropertiesAreIsoOrEpochMillisecondsToUtc(String value, String expected) {
        Lead lead = decoder.decode(Answers.json(200,
                "{\"id\":\"7\",\"properties\":{\"hs_last_activity_date\":\"" + value + "\"}}"), List.of());

        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "2026-03-07", "2026-03-07T08:10:00", "1.5e12", "2026-13-07T08:10:00Z",
            "2026-02-30T08:10:00Z", "2026-02-30T08:10:00+0000"})
    void aDateTimeThatIsNeitherFormIsAbsent(String value) {
        Lead lead = decoder.decode(Answers.json(200,
                "{\"id\":\"7\",\"properties\":{\"hs_last_activity_date\":\"" + value + "\"}}"), List.of());

        assertThat(lead.lastActivityAt()).isNull();
    }

    @Test
    void createdAndUpdatedFallBackToTheDateProperties() {
        Lead lead = decoder.decode(Answers.json(200, """
                {"id":"7","properties":{"hs_createdate":"1772871000000","hs_lastmodifieddate":"2026-03-08T00:00:00Z"}}
                """), List.of());

        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2026-03-07T08:10:00Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"id\":7,\"properties\":{}}", "{\"id\":\"\",\"properties\":{}}",
            "{\"id\":\"7\"}", "{\"id\":\"7\",\"properties\":[]}", "[]", "{\"results\":[]}",
            "{\"id\":\"7\",\"properties\":{},\"associations\":{\"contacts\":{\"results\":\"many\"}}}"})
    void a200ThatIsNotALeadObjectBreaksTheContract(String body) {
        assertThatThrownBy(() -> decoder.decode(Answers.json(200, body), List.of()))
                .isInstanceOfSatisfying(ProviderContractBreach.class,
                        breach -> assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY));
    }

    @Test
    void anyOther2xxOrATextBodyBreaksTheContract() {
        assertThatThrownBy(() -> decoder.decode(Answers.json(201, Answers.resource("lead.json")), CUSTOM))
                .isInstanceOf(ProviderContractBreach.class).hasMessageContaining("201");
        assertThatThrownBy(() -> decoder.decode(Answers.text(200, "text/html", "<html></html>"), CUSTOM))
                .isInstanceOf(ProviderContractBreach.class);
        assertThatThrownBy(() -> decoder.decode(Answers.empty(204), CUSTOM))
                .isInstanceOf(ProviderContractBreach.class);
    }

    @Test
    void aRedirectBreaksTheContract() {
        assertThatThrownBy(() -> decoder.decode(Answers.empty(302, "Location", "https://example.com/"), CUSTOM))
                .isInstanceOfSatisfying(ProviderContractBreach.class,
                        breach -> assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT));
    }

    @Test
    void aMissingLeadIsA404Rejection() {
        assertThatThrownBy(() -> decoder.decode(Answers.json(404,
                "{\"status\":\"error\",\"message\":\"resource not found\",\"correlationId\":\"c-1\"}"), CUSTOM))
                .isInstanceOfSatisfying(ProviderRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(404);
                    assertThat(rejection.providerMessage()).contains("resource not found");
                    assertThat(rejection.providerRequestId()).contains("c-1");
                });
    }
}
