package dev.unifiedcrm.adapters.hubspot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class HubSpotLeadIdFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "512", "38475629104", "9007199254740993", "9223372036854775807"})
    void positiveInt64DigitsAreSentAsGiven(String id) {
        assertThat(HubSpotLeadIdFormat.canonical(id)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "007", "+5", "-5", " 5", "5 ", "5.0", "1e3", "9223372036854775808",
            "99999999999999999999", "١٢٣", "abc", "12/34", "..", "0x1F"})
    void anythingElseIsNotAHubSpotId(String id) {
        assertThat(HubSpotLeadIdFormat.canonical(id)).isEmpty();
    }

    @Test
    void nullIsNotAnId() {
        assertThat(HubSpotLeadIdFormat.canonical(null)).isEmpty();
    }

    @Test
    void theDescriptionSaysWhatIsAccepted() {
        assertThat(HubSpotLeadIdFormat.DESCRIPTION).contains("9223372036854775807").contains("38475629104");
    }
}
