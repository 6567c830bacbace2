package dev.unifiedcrm.adapters.nutshell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class NutshellLeadIdFormatTest {

    @ParameterizedTest
    @CsvSource({"1003,1003-leads", "1003-leads,1003-leads", "1,1-leads",
            "9223372036854775807,9223372036854775807-leads", "9223372036854775807-leads,9223372036854775807-leads"})
    void acceptsBothFormsAndSendsTheApiIdForm(String given, String sent) {
        assertThat(NutshellLeadIdFormat.INSTANCE.canonical(given)).contains(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0-leads", "007", "+5", "-5", "1003,1004", "1003-leads,1004-leads",
            "7-contacts", "1003-Leads", "1003-LEADS", "1003-lead", "-leads", "Lead-1045", "Lead\u20131045",
            " 1003", "1003 ", "1003-leads ", "9223372036854775808", "9223372036854775808-leads",
            "\u0661\u0662", "1003/leads", "1e3", "10000000000000000000"})
    void refusesEverythingElse(String given) {
        assertThat(NutshellLeadIdFormat.INSTANCE.canonical(given)).isEmpty();
    }

    @Test
    void refusesNull() {
        assertThat(NutshellLeadIdFormat.INSTANCE.canonical(null)).isEmpty();
    }

    @Test
    void describesTheAcceptedForms() {
        assertThat(NutshellLeadIdFormat.INSTANCE.description()).contains("<n>-leads", "bare <n>", "9223372036854775807", "Lead-1045");
    }

    @Test
    void aReturnedIdNamesTheSameLeadAsApiIdOrBareNumber() {
        assertThat(NutshellLeadIdFormat.sameLead("1003-leads", "1003-leads")).isTrue();
        assertThat(NutshellLeadIdFormat.sameLead("1003", "1003-leads")).isTrue();
        assertThat(NutshellLeadIdFormat.sameLead(1003, "1003-leads")).isTrue();
        assertThat(NutshellLeadIdFormat.sameLead(1003L, "1003-leads")).isTrue();
        assertThat(NutshellLeadIdFormat.sameLead(new BigInteger("9223372036854775807"), "9223372036854775807-leads")).isTrue();
        assertThat(NutshellLeadIdFormat.sameLead("1004-leads", "1003-leads")).isFalse();
        assertThat(NutshellLeadIdFormat.sameLead(new BigDecimal("1003.0"), "1003-leads")).isFalse();
        assertThat(NutshellLeadIdFormat.sameLead(null, "1003-leads")).isFalse();
        assertThat(NutshellLeadIdFormat.sameLead("1003-contacts", "1003-leads")).isFalse();
    }
}
