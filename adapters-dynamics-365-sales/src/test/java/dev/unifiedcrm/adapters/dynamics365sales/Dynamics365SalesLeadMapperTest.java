package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
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

/** Dataverse lead rows through the real decoding (DTO, MapStruct mapper). */
class Dynamics365SalesLeadMapperTest {

    private static final String EXAMPLE_ID = "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34";

    private final Dynamics365SalesLeadDecoder decoder =
            new Dynamics365SalesLeadDecoder(Answers.JSON, Mappers.getMapper(Dynamics365SalesLeadMapper.class));

    @Test
    void mapsEveryUnifiedFieldOfTheExampleLead() {
        Lead lead = decode("lead.json", EXAMPLE_ID);

        assertThat(lead.id()).isEqualTo(EXAMPLE_ID);
        assertThat(lead.owner()).isEqualTo(new Reference("29c3a361-4b9c-ee11-be36-000d3abf077e"));
        assertThat(lead.leadSource()).isEqualTo("Trade Show");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("Qualified");
        assertThat(lead.title()).isEqualTo("Head of Procurement");
        assertThat(lead.contact()).isEqualTo(new Reference("1d2e3f40-7b6a-4c5d-8e9f-0a1b2c3d4e5f"));
        assertThat(lead.account()).isEqualTo(new Reference("0bc376a4-c579-413a-9221-e86e4a134766"));
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).containsExactly(new Address("1 Market St", "Suite 300", "San Francisco", "CA",
                "94105", "United States", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("jane.doe@acme.example", "primary"),
                new EmailAddress("jane@doe.example", "secondary"));
        assertThat(lead.phoneNumbers()).containsExactly(new PhoneNumber("+1 415 555 0100", null, "work"),
                new PhoneNumber("+1 415 555 0199", null, "mobile"));
        assertThat(lead.customFields()).containsExactly(
                entry("cr8a3_externalref", "ERP-0042"),
                entry("cr8a3_weightedscore", new BigDecimal("12345678.1234567891")),
                entry("cr8a3_segment", 100000001),
                entry("_cr8a3_referrerid_value", "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"));
        assertThat(lead.lastActivityAt()).isNull();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-08T09:30:12Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isEqualTo(new Reference("1d2e3f40-7b6a-4c5d-8e9f-0a1b2c3d4e5f"));
        assertThat(lead.convertedAccount()).isEqualTo(new Reference("0bc376a4-c579-413a-9221-e86e4a134766"));
    }

    @Test
    void remoteDataIsTheWholeRowWithItsAnnotationsInOrder() {
        Lead lead = decode("lead.json", EXAMPLE_ID);

        @SuppressWarnings("unchecked")
        Map<String, Object> remote = (Map<String, Object>) lead.remoteData();
        assertThat(List.copyOf(remote.keySet())).startsWith("@odata.context", "@odata.etag", "leadid")
                .endsWith("_cr8a3_referrerid_value@Microsoft.Dynamics.CRM.lookuplogicalname", "cr8a3_notes");
        assertThat(remote).containsEntry("cr8a3_segment@OData.Community.Display.V1.FormattedValue", "Enterprise")
                .containsEntry("subject", "Packaging line upgrade").containsEntry("cr8a3_notes", null);
        assertThat(remote.get("revenue")).isEqualTo(new BigDecimal("12500000.0000"));
        assertThat(remote.get("msdyn_leadscore")).isEqualTo(72);
    }

    @Test
    void aSparseLeadMapsWithoutErrorAndDropsEmptyValues() {
        Lead lead = decode("lead-sparse.json", "7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60");

        assertThat(lead.id()).isEqualTo("7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60");
        assertThat(lead.owner()).isNull();
        assertThat(lead.leadSource()).isNull();
        assertThat(lead.status()).isEqualTo("1");
        assertThat(lead.title()).isNull();
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isNull();
        assertThat(lead.lastName()).isEqualTo("Roe");
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.createdAt()).isNull();
        assertThat(lead.updatedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
    }

    @Test
    void aRowOfOnlyItsIdMapsWithEveryOptionalFieldMissing() {
        Lead lead = decoder.decode(Answers.json(200, "{\"leadid\":\"" + EXAMPLE_ID + "\"}"), EXAMPLE_ID);

        assertThat(lead).isEqualTo(new Lead(EXAMPLE_ID, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), List.of(), Map.of(), null, null, null, null, null, null,
                Map.of("leadid", EXAMPLE_ID)));
    }

    @Test
    void aCustomerContactStandsInForTheParentContactAndCodesForMissingLabels() {
        Lead lead = decode("lead-customer-contact.json", "b5d2e8f1-6c7a-4b9e-a0d3-2f4e6a8c0b12");

        assertThat(lead.contact()).isEqualTo(new Reference("1d2e3f40-7b6a-4c5d-8e9f-0a1b2c3d4e5f"));
        assertThat(lead.account()).isNull();
        assertThat(lead.status()).isEqualTo("1");
        assertThat(lead.leadSource()).isEqualTo("10");
        assertThat(lead.addresses()).containsExactly(
                new Address(null, "Building B\nFloor 2", null, null, null, null, "primary"),
                new Address("PO Box 12", "c/o Reception", null, null, null, "Germany", "secondary"));
        assertThat(lead.emailAddresses()).containsExactly(new EmailAddress("poe@other.example", "other"));
        assertThat(lead.phoneNumbers()).extracting(PhoneNumber::type)
                .containsExactly("work", "mobile", "home", "other", "fax", "pager");
        assertThat(lead.phoneNumbers()).extracting(PhoneNumber::number)
                .containsExactly("+49 30 1", "+49 170 2", "+49 30 3", "+49 30 4", "+49 30 5", "+49 30 6");
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-04-01T10:00:00.1234567Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-04-02T10:00:00.5Z"));
        assertThat(lead.customFields()).containsExactly(entry("new_budget", new BigDecimal("1.5E3")),
                entry("_new_referrer_value", "5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f"));
    }

    @Test
    void aCustomerAccountStandsInForTheParentAccount() {
        String body = "{\"leadid\":\"" + EXAMPLE_ID + "\",\"_customerid_value\":\"0bc376a4-c579-413a-9221-e86e4a134766\","
                + "\"_customerid_value@Microsoft.Dynamics.CRM.lookuplogicalname\":\"account\"}";

        Lead lead = decoder.decode(Answers.json(200, body), EXAMPLE_ID);

        assertThat(lead.account()).isEqualTo(new Reference("0bc376a4-c579-413a-9221-e86e4a134766"));
        assertThat(lead.contact()).isNull();
    }

    @Test
    void aCustomerWithoutItsTableIsNeitherContactNorAccount() {
        String body = "{\"leadid\":\"" + EXAMPLE_ID + "\",\"_customerid_value\":\"0bc376a4-c579-413a-9221-e86e4a134766\"}";

        Lead lead = decoder.decode(Answers.json(200, body), EXAMPLE_ID);

        assertThat(lead.account()).isNull();
        assertThat(lead.contact()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
            "new_budget, true", "cr8a3_score, true", "_new_referrer_value, true", "_cr8a3_referrerid_value, true",
            "subject, false", "_ownerid_value, false", "_transactioncurrencyid_value, false", "msdyn_leadscore, false",
            "msfp_score, false", "mscustomer_x, false", "adx_origin, false", "entityimage_url, false",
            "schedulefollowup_prospect, false", "address1_line1, false", "address2_composite, false",
            "_address1_foo_value, false", "revenue_base, false", "budgetamount_base, false",
            "estimatedamount_base, false", "new_budget@OData.Community.Display.V1.FormattedValue, false",
            "@odata.etag, false", "_new_referrer_value@Microsoft.Dynamics.CRM.lookuplogicalname, false",
            "yomifullname, false"})
    void customColumnsCarryAPublisherPrefixThatIsNotMicrosofts(String key, boolean custom) {
        assertThat(Dynamics365SalesLeadMapper.isCustomColumn(key)).isEqualTo(custom);
    }

    @Test
    void theIdMayComeInAnyCaseButTheUnifiedIdIsThePathId() {
        Lead lead = decode("lead-sparse.json", "7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60");

        assertThat(((Map<?, ?>) lead.remoteData()).get("leadid")).isEqualTo("7A1E4C90-2D3B-4F5A-8E6D-1C2B3A4F5E60");
        assertThat(lead.id()).isEqualTo("7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[]",
            "{}",
            "{\"leadid\":\"7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60\"}",
            "{\"leadid\":42}",
            "{\"leadid\":\"3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34\",\"firstname\":[\"x\"]}",
            "{\"leadid\":\"3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34\",\"statuscode\":\"open\"}",
            "{\"leadid\":\"3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34\",\"createdon\":\"2024-03-05\"}"})
    void aTwoHundredThatIsNotTheLeadAskedForIsAContractBreach(String body) {
        assertThatThrownBy(() -> decoder.decode(Answers.json(200, body), EXAMPLE_ID))
                .isInstanceOfSatisfying(ProviderContractBreach.class, breach -> {
                    assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
                    assertThat(breach.getMessage()).startsWith("Dynamics 365 answered 200 to a lead fetch, but the body ");
                });
    }

    @Test
    void anEmptyTwoHundredIsAContractBreach() {
        assertThatThrownBy(() -> decoder.decode(Answers.empty(200), EXAMPLE_ID))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("is not a JSON object");
    }

    private Lead decode(String resource, String pathId) {
        return decoder.decode(Answers.json(200, Answers.resource("/dynamics-365-sales/" + resource)), pathId);
    }
}
