package dev.unifiedcrm.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadIdFormatTest {

    @ParameterizedTest
    @ValueSource(strings = {"1", "9", "10", "71234567", "9223372036854775807"})
    void positiveIntegersUpToLongMaxAreAcceptedAsGiven(String id) {
        assertThat(LeadIdFormat.POSITIVE_INT64.canonical(id)).contains(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "007", "+5", "-5", " 5", "5 ", "1.0", "1e3", "9223372036854775808",
            "99999999999999999999", "١٢٣", "１２３", "12a", "0x1F", "5\n"})
    void anythingElseIsNotAPositiveInteger(String id) {
        assertThat(LeadIdFormat.POSITIVE_INT64.canonical(id)).isEmpty();
    }

    @Test
    void uuidsOfAnyCaseAreSentLowerCase() {
        assertThat(LeadIdFormat.UUID.canonical("8C4D1F7E-3b2a-4D9E-9F10-2A6B5C7D8E90"))
                .contains("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1-2-3-4-5", "8c4d1f7e3b2a4d9e9f102a6b5c7d8e90", "{8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90}",
            "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9", "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90a", "g c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9",
            "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9g", "８c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90", " 8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90"})
    void anythingElseIsNotAUuid(String id) {
        assertThat(LeadIdFormat.UUID.canonical(id)).isEmpty();
    }

    @Test
    void anInvalidIdNamesTheExpectedFormat() {
        assertThatThrownBy(() -> LeadId.parse("007", LeadIdFormat.POSITIVE_INT64))
                .isInstanceOf(InvalidLeadIdException.class)
                .hasMessageContaining("positive whole number")
                .hasMessageContaining("9223372036854775807");
    }

    @Test
    void integratedAccountIdsMatchCaseInsensitively() {
        assertThat(IntegratedAccountId.parse("5F0C1F3E-8D2A-4E55-B0A7-7C9E2D4B6A12"))
                .isEqualTo(IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12"));
        assertThat(IntegratedAccountId.parse("1-2-3-4-5")).isEmpty();
    }

    private static final LeadIdFormat KEY_PREFIXED = LeadIdFormat.matching("00Q[0-9A-Za-z]{12}(?:[0-9A-Za-z]{3})?",
            "00Q and 12 or 15 letters or digits (for example 00Q5g00000AbCdE)");
    private static final LeadIdFormat SUFFIXED = LeadIdFormat.matching("[1-9][0-9]{0,18}-leads",
            "a positive number and -leads (for example 12-leads)");

    @ParameterizedTest
    @ValueSource(strings = {"00Q5g00000AbCdE", "00Q5g00000AbCdEFGH", "00Qzzzzzzzzzzzz"})
    void keyPrefixedIdsOf15Or18CharactersAreSentAsGivenCaseKept(String id) {
        assertThat(KEY_PREFIXED.canonical(id)).contains(id);
        assertThat(LeadId.parse(id, KEY_PREFIXED).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"00q5g00000AbCdE", "00Q5g00000AbCd", "00Q5g00000AbCdEF", "00Q5g00000AbCdEFGHI",
            "00Q5g00000AbCd-", "00Q5g00000AbCdé", " 00Q5g00000AbCdE", "001000000000000"})
    void idsThatDoNotMatchThePatternWholeAreRefused(String id) {
        assertThat(KEY_PREFIXED.canonical(id)).isEmpty();
    }

    @Test
    void aNumberWithASuffixIsAPattern() {
        assertThat(SUFFIXED.canonical("12-leads")).contains("12-leads");
        assertThat(SUFFIXED.canonical("012-leads")).isEmpty();
        assertThat(SUFFIXED.canonical("12-Leads")).isEmpty();
        assertThat(SUFFIXED.canonical("12")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", ".."})
    void dotSegmentsAreNeverALeadIdWhateverThePattern(String id) {
        var anything = LeadIdFormat.matching(".*", "anything");
        assertThat(anything.canonical(id)).isEmpty();
        assertThatThrownBy(() -> LeadId.parse(id, anything)).isInstanceOf(InvalidLeadIdException.class)
                .hasMessageContaining("anything");
    }

    @Test
    void anEmptyIdIsNeverALeadId() {
        assertThatThrownBy(() -> LeadId.parse("", LeadIdFormat.matching(".*", "anything")))
                .isInstanceOf(InvalidLeadIdException.class);
    }

    @Test
    void aFormatWhoseCanonicalFormIsADotSegmentStillMakesNoLeadId() {
        LeadIdFormat hostile = new LeadIdFormat() {
            @Override
            public java.util.Optional<String> canonical(String decodedId) {
                return java.util.Optional.of("..");
            }

            @Override
            public String description() {
                return "anything, made into ..";
            }
        };
        assertThatThrownBy(() -> LeadId.parse("x", hostile)).isInstanceOf(InvalidLeadIdException.class);
    }

    @Test
    void parsedIdsAreValuesEqualByTheirCanonicalForm() {
        assertThat(LeadId.parse("8C4D1F7E-3b2a-4D9E-9F10-2A6B5C7D8E90", LeadIdFormat.UUID))
                .isEqualTo(LeadId.parse("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90", LeadIdFormat.UUID))
                .hasToString("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90");
    }
}
