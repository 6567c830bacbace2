package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mapstruct.factory.Mappers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Salesforce's lead JSON through the real decoding (DTO, MapStruct mapper). */
class SalesforceLeadMapperTest {

    private final SalesforceLeadDecoder decoder =
            new SalesforceLeadDecoder(Answers.JSON, Mappers.getMapper(SalesforceLeadMapper.class));

    @Test
    void mapsEveryUnifiedFieldOfTheExampleLead() {
        Lead lead = decode("lead.json", "00QHs00000Lk3pRMAR");

        assertThat(lead.id()).isEqualTo("00QHs00000Lk3pRMAR");
        assertThat(lead.owner()).isEqualTo(new Reference("005Hs00000A9tQwIAJ"));
        assertThat(lead.leadSource()).isEqualTo("Trade Show");
        assertThat(lead.leadType()).isEqualTo("012Hs000000Rm3QIAS");
        assertThat(lead.status()).isEqualTo("Closed - Converted");
        assertThat(lead.title()).isEqualTo("Head of Procurement");
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).containsExactly(new Address("1 Market St", "Suite 300", "San Francisco", "CA",
                "94105", "United States", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jane.doe@acme.example", "primary"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("+1 415 555 0100", null, "work"), new PhoneNumber("+1 415 555 0199", null, "mobile"));
        assertThat(lead.customFields()).containsExactly(
                entry("Budget__c", 50000), entry("External_Ref__c", 123456789012345678L),
                entry("Product_Interest__c", "Packaging line"));
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2024-03-07T00:00:00Z"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21.000Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-08T09:30:12.000Z"));
        assertThat(lead.convertedAt()).isEqualTo(Instant.parse("2024-03-08T00:00:00Z"));
        assertThat(lead.convertedContact()).isEqualTo(new Reference("003Hs00000Mn2XeIAJ"));
        assertThat(lead.convertedAccount()).isEqualTo(new Reference("001Hs00000Pq8ZLIAZ"));
    }

    @Test
    void remoteDataIsTheWholeObjectInItsOrderWithAttributes() {
        Lead lead = decode("lead.json", "00QHs00000Lk3pRMAR");

        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) lead.remoteData();
        assertThat(remote).hasSize(61);
        assertThat(List.copyOf(remote.keySet())).startsWith("attributes", "Id", "IsDeleted", "MasterRecordId")
                .endsWith("Budget__c", "External_Ref__c", "Product_Interest__c", "Region__c");
        assertThat(remote.get("attributes")).isEqualTo(Map.of("type", "Lead",
                "url", "/services/data/v64.0/sobjects/Lead/00QHs00000Lk3pRMAR"));
        assertThat(remote).containsEntry("Region__c", null).containsEntry("Fax", null)
                .containsEntry("Company", "Acme Corp").containsEntry("SystemModstamp", "2024-03-08T09:30:13.000+0000");
        assertThat(remote.get("AnnualRevenue")).isEqualTo(12500000);
    }

    @Test
    void theUnifiedIdIsThePathIdEvenWhenTheFifteenCharacterFormWasUsed() {
        Lead lead = decode("lead.json", "00QHs00000Lk3pR");

        assertThat(lead.id()).isEqualTo("00QHs00000Lk3pR");
        assertThat(((Map<?, ?>) lead.remoteData()).get("Id")).isEqualTo("00QHs00000Lk3pRMAR");
    }

    @Test
    void aSparseLeadMapsWithoutErrorAndDropsEmptyValues() {
        Lead lead = decode("lead-sparse.json", "00QHs00000Nc2ZyMAJ");

        assertThat(lead.id()).isEqualTo("00QHs00000Nc2ZyMAJ");
        assertThat(lead.owner()).isEqualTo(new Reference("005Hs00000A9tQwIAJ"));
        assertThat(lead.leadSource()).isNull();
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("Open - Not Contacted");
        assertThat(lead.title()).isNull();
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isEqualTo("Roe");
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-04-01T08:00:00Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
    }

    @Test
    void aLeadOfOnlyAttributesAndIdMapsWithEveryOptionalFieldMissing() {
        String body = "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\"}";
        Lead lead = decoder.decode(Answers.json(200, body), "00QHs00000Lk4aBMAR");

        assertThat(lead).isEqualTo(new Lead("00QHs00000Lk4aBMAR", null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null,
                Map.of("attributes", Map.of("type", "Lead"), "Id", "00QHs00000Lk4aBMAR")));
    }

    @Test
    void picklistCodesStandInForMissingNamesAndEveryLineBreakSplitsOnlyOnce() {
        Lead lead = decode("lead-picklist-codes.json", "00QHs00000Mb7QxMAJ");

        assertThat(lead.addresses()).containsExactly(new Address("Hauptstrasse 5", "Hinterhaus\r\n2. Stock", "Berlin",
                "BE", "10115", "DE", "primary"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-04-01T08:00:00.123456Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-04-02T10:00:00Z"));
        assertThat(lead.customFields().keySet()).containsExactly("ns__Score__c", "Weight__c", "Tags__c", "Nested__c");
        assertThat(lead.customFields().get("ns__Score__c")).isEqualTo(new BigDecimal("1.25E7"));
        assertThat(lead.customFields().get("Weight__c")).isEqualTo(new BigDecimal("0.1000"));
        assertThat(lead.customFields().get("Tags__c")).isEqualTo(List.of("a", "b"));
        assertThat(List.<Object>copyOf(((Map<?, ?>) lead.customFields().get("Nested__c")).keySet()))
                .isEqualTo(List.of("z", "a"));
        assertThat(((Map<?, ?>) lead.remoteData()).get("CurrencyIsoCode")).isEqualTo("EUR");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 Market St\nSuite 300", "1 Market St\r\nSuite 300", "1 Market St\rSuite 300"})
    void aStreetSplitsAtItsFirstLineBreakOfAnyKind(String street) {
        String body = "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\",\"Street\":"
                + Answers.quote(street) + "}";

        Lead lead = decoder.decode(Answers.json(200, body), "00QHs00000Lk4aBMAR");

        assertThat(lead.addresses()).containsExactly(new Address("1 Market St", "Suite 300", null, null, null, null, "primary"));
    }

    @Test
    void aStreetOfOneLineHasNoSecondLine() {
        String body = "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\",\"Street\":\"1 Market St\"}";

        assertThat(decoder.decode(Answers.json(200, body), "00QHs00000Lk4aBMAR").addresses())
                .containsExactly(new Address("1 Market St", null, null, null, null, null, "primary"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{\"Id\":\"00QHs00000Lk4aBMAR\"}",
            "{\"attributes\":{\"type\":\"Contact\"},\"Id\":\"003Hs00000Mn2XeIAJ\"}",
            "{\"attributes\":{\"type\":\"Lead\"}}",
            "{\"attributes\":{\"type\":\"Lead\"},\"Id\":42}",
            "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\",\"FirstName\":{\"a\":1}}",
            "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\",\"CreatedDate\":\"2024-03-05 10:45:21\"}",
            "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"00QHs00000Lk4aBMAR\",\"ConvertedDate\":\"2024-03-08T00:00:00Z\"}"})
    void aTwoHundredThatIsNotALeadIsAContractBreach(String body) {
        ProviderAnswer answer = Answers.json(200, body);

        assertThatThrownBy(() -> decoder.decode(answer, "00QHs00000Lk4aBMAR"))
                .isInstanceOfSatisfying(ProviderContractBreach.class, breach -> {
                    assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
                    assertThat(breach.status()).isEqualTo(200);
                    assertThat(breach.getMessage()).startsWith("Salesforce answered 200 to a lead fetch, but the body ");
                });
    }

    @Test
    void aTwoHundredWithoutJsonIsAContractBreach() {
        assertThatThrownBy(() -> decoder.decode(Answers.text(200, "text/html", "<html>maintenance</html>"),
                "00QHs00000Lk4aBMAR"))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("is not a JSON object");
    }

    private Lead decode(String resource, String pathId) {
        return decoder.decode(Answers.json(200, Answers.resource("/salesforce/" + resource)), pathId);
    }
}
