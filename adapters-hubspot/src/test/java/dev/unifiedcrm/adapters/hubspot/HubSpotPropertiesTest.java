package dev.unifiedcrm.adapters.hubspot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotPropertiesTest {

    @Test
    void customPropertiesKeepTheirOrder() {
        assertThat(HubSpotProperties.parseCustom("trade_show_name,budget_eur,x"))
                .containsExactly("trade_show_name", "budget_eur", "x");
    }

    @Test
    void theQueryNamesTheStandardPropertiesThenTheCustomOnes() {
        assertThat(HubSpotProperties.queryValue(List.of("budget_eur", "trade_show_name"))).isEqualTo(
                "hs_lead_name,hs_lead_type,hs_lead_label,hs_lead_source,hs_pipeline,hs_pipeline_stage,"
                        + "hubspot_owner_id,hs_associated_contact_firstname,hs_associated_contact_lastname,"
                        + "hs_associated_contact_email,hs_associated_company_name,hs_associated_company_domain,"
                        + "hs_last_activity_date,hs_createdate,hs_lastmodifieddate,hs_object_id,"
                        + "budget_eur,trade_show_name");
        assertThat(HubSpotProperties.queryValue(List.of())).endsWith(",hs_object_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "budget_eur,", ",budget_eur", "budget_eur, trade", "Budget", "1abc", "a-b",
            "budget_eur,,x", "a b"})
    void malformedListsAreRefusedSayingWhatIsAccepted(String configured) {
        assertThatThrownBy(() -> HubSpotProperties.parseCustom(configured))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("custom_properties")
                .hasMessageMatching("(?s).*(comma-separated|property name).*");
    }

    @Test
    void standardPropertiesDuplicatesAndTooManyAreRefused() {
        assertThatThrownBy(() -> HubSpotProperties.parseCustom("budget_eur,hs_lead_name"))
                .hasMessageContaining("'hs_lead_name', a standard lead property");
        assertThatThrownBy(() -> HubSpotProperties.parseCustom("a,b,a")).hasMessageContaining("'a' twice");
        String fiftyOne = String.join(",", java.util.stream.IntStream.rangeClosed(1, 51).mapToObj(i -> "p" + i).toList());
        assertThatThrownBy(() -> HubSpotProperties.parseCustom(fiftyOne)).hasMessageContaining("at most 50");
        String tooLong = "a".repeat(100) + ("," + "b".repeat(99)).repeat(20);
        assertThatThrownBy(() -> HubSpotProperties.parseCustom(tooLong)).hasMessageContaining("at most 2000 characters");
    }

    @Test
    void fiftyNamesOfAHundredCharactersFitWhenUnder2000Characters() {
        String fifty = String.join(",", java.util.stream.IntStream.rangeClosed(1, 50).mapToObj(i -> "p" + i).toList());
        assertThat(HubSpotProperties.parseCustom(fifty)).hasSize(50);
        assertThat(HubSpotProperties.parseCustom("a" + "b".repeat(99))).hasSize(1);
    }
}
