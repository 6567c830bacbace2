package dev.unifiedcrm.adapters.salesforce;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceLeadIdFormatTest {

    private final SalesforceLeadIdFormat format = new SalesforceLeadIdFormat();

    @ParameterizedTest
    @ValueSource(strings = {"00QHs00000Lk3pRMAR", "00QHs00000Lk3pR", "00Qhs00000lk3pr", "00Q000000000000",
            "00Qzzzzzzzzzzzzzzz"})
    void fifteenAndEighteenCharacterIdsAreSentExactlyAsGiven(String id) {
        assertThat(format.canonical(id)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "00Q", "00QHs00000Lk3p", "00QHs00000Lk3pRM", "00QHs00000Lk3pRMA",
            "00QHs00000Lk3pRMARX", "00qHs00000Lk3pRMAR", "003Hs00000Mn2XeIAJ", "00QHs00000Lk3p-MAR",
            "00QHs00000Lk3pR ", " 00QHs00000Lk3pR", "00QHs00000Lk3pRMA%", "00QHs00000Lk3p\u0661MAR",
            "00QHs00000Lk3pÄMAR", "..", ".", "00QHs00000Lk3pR/..", "00QHs00000Lk3pR\n"})
    void anythingElseIsRefused(String id) {
        assertThat(format.canonical(id)).isEmpty();
    }

    @Test
    void nullIsRefused() {
        assertThat(format.canonical(null)).isEmpty();
    }

    @Test
    void theDescriptionSaysWhatIsAccepted() {
        assertThat(format.description()).isEqualTo("a Salesforce Lead id: 00Q followed by 12 or 15 letters or digits");
    }
}
