package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswerReader.Reading;
import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.Reference;
import org.junit.jupiter.api.Test;
import org.mapstruct.factory.Mappers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.InstanceOfAssertFactories.MAP;
import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.json;
import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/** Zoho's example lead through the real decoding: answer reading, DTO, MapStruct mapper. */
class ZohoCrmLeadMapperTest {

    private final ZohoCrmLeadDecoder decoder =
            new ZohoCrmLeadDecoder(ZohoCrmAnswers.JSON, Mappers.getMapper(ZohoCrmLeadMapper.class));

    private Lead fetch(String body, String id) {
        ProviderAnswer answer = json(200, body);
        Reading reading = ZohoCrmAnswerReader.read(answer, ZohoCrmAnswerReader.Exchange.FETCH, id, status -> "OK");
        assertThat(reading).isInstanceOf(Reading.Fetched.class);
        return decoder.decode(answer, ((Reading.Fetched) reading).lead());
    }

    @Test
    void mapsEveryUnifiedFieldOfTheExampleLead() {
        Lead lead = fetch(resource("lead.json"), "7328395000000691001");

        assertThat(lead.id()).isEqualTo("7328395000000691001");
        assertThat(lead.owner()).isEqualTo(new Reference("7328395000000605001"));
        assertThat(lead.leadSource()).isEqualTo("Trade Show");
        assertThat(lead.leadType()).isNull();
        assertThat(lead.status()).isEqualTo("Contacted");
        assertThat(lead.title()).isEqualTo("Head of Procurement");
        assertThat(lead.contact()).isNull();
        assertThat(lead.account()).isNull();
        assertThat(lead.firstName()).isEqualTo("Jane");
        assertThat(lead.lastName()).isEqualTo("Doe");
        assertThat(lead.addresses()).containsExactly(new Address("1 Market St", "Suite 300", "San Francisco", "CA",
                "94105", "United States", "primary"));
        assertThat(lead.emailAddresses()).containsExactly(
                new EmailAddress("jane.doe@acme.example", "primary"), new EmailAddress("jane@personal.example", "secondary"));
        assertThat(lead.phoneNumbers()).containsExactly(
                new PhoneNumber("+1 415 555 0100", null, "work"), new PhoneNumber("+1 415 555 0199", null, "mobile"));
        assertThat(lead.customFields()).containsExactly(entry("Budget", 50000), entry("Trade_Show_Booth", "B-12"));
        assertThat(lead.lastActivityAt()).isEqualTo(Instant.parse("2024-03-07T08:10:00Z"));
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
        assertThat(lead.updatedAt()).isEqualTo(Instant.parse("2024-03-07T08:12:03Z"));
        assertThat(lead.convertedAt()).isNull();
        assertThat(lead.convertedContact()).isNull();
        assertThat(lead.convertedAccount()).isNull();
        assertThat(lead.remoteData()).asInstanceOf(MAP).containsEntry("Annual_Revenue", new BigDecimal("1250000.5"))
                .containsKeys("$approval", "Locked__s", "Company", "Tag").doesNotContainKey("data");
    }

    @Test
    void mapsAConvertedLead() {
        Lead lead = fetch("""
                {"data":[{"id":"42","Converted_Date_Time":"2024-04-01T09:00:00.123+02:00",
                 "Converted_Contact":{"name":"Jane Doe","id":"7328395000000800001"},
                 "Converted_Account":{"name":"Acme","id":7328395000000800002},"Fax":"+1 415 555 0111"}]}""", "42");

        assertThat(lead.convertedAt()).isEqualTo(Instant.parse("2024-04-01T07:00:00.123Z"));
        assertThat(lead.convertedContact()).isEqualTo(new Reference("7328395000000800001"));
        assertThat(lead.convertedAccount()).as("a numeric id keeps every digit").isEqualTo(new Reference("7328395000000800002"));
        assertThat(lead.phoneNumbers()).containsExactly(new PhoneNumber("+1 415 555 0111", null, "fax"));
    }

    @Test
    void aSparseLeadMapsWithoutError() {
        Lead lead = fetch(resource("lead-sparse.json"), "7328395000000691065");

        assertThat(lead.id()).isEqualTo("7328395000000691065");
        assertThat(lead.lastName()).isEqualTo("Okafor");
        assertThat(lead.firstName()).isNull();
        assertThat(lead.owner()).isNull();
        assertThat(lead.addresses()).isEmpty();
        assertThat(lead.emailAddresses()).isEmpty();
        assertThat(lead.phoneNumbers()).isEmpty();
        assertThat(lead.customFields()).isEmpty();
        assertThat(lead.createdAt()).isEqualTo(Instant.parse("2024-03-06T03:15:21.5Z"));
        assertThat(lead.updatedAt()).isNull();
        assertThat(lead.convertedAt()).isNull();
    }

    @Test
    void customFieldsLeaveOutStandardSystemAndManagedKeysAndEmptyValues() {
        Lead lead = fetch("""
                {"data":[{"id":"42","Company":"Acme","$state":"save","Record_Status__s":"Available","Co_Owner":null,
                 "Budget":null,"Notes_Custom":"","Region_Code":"EMEA","Score":12.50,"Flags":["a"]}]}""", "42");

        assertThat(lead.customFields()).containsExactly(
                entry("Region_Code", "EMEA"), entry("Score", new BigDecimal("12.50")), entry("Flags", List.of("a")));
    }

    @Test
    void aDateTimeWithoutAnOffsetIsAContractBreach() {
        assertThatThrownBy(() -> fetch("{\"data\":[{\"id\":\"42\",\"Created_Time\":\"2024-03-05T16:15:21\"}]}", "42"))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> fetch("{\"data\":[{\"id\":\"42\",\"Owner\":\"Priya\"}]}", "42"))
                .isInstanceOf(ProviderContractBreach.class)
                .hasMessageContaining("unexpected type");
    }
}
