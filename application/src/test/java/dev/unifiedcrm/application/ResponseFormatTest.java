package dev.unifiedcrm.application;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseFormatTest {

    @Test
    void theAcceptedValuesAreSpelledFromTheFormatsWithTheDefaultMarked() {
        assertThat(ResponseFormat.acceptedValues()).isEqualTo("unified (the default), normalized or raw");
        assertThat(ResponseFormat.leadShowingValues()).isEqualTo("unified or normalized");
    }

    @Test
    void parameterValuesMatchExactly() {
        assertThat(ResponseFormat.fromParameter("normalized")).contains(ResponseFormat.NORMALIZED);
        assertThat(ResponseFormat.fromParameter("Raw")).isEmpty();
    }

    @Test
    void onlyRawPassesTheProvidersAnswerOn() {
        assertThat(ResponseFormat.RAW.passesProviderAnswerOn()).isTrue();
        assertThat(ResponseFormat.UNIFIED.passesProviderAnswerOn()).isFalse();
        assertThat(ResponseFormat.NORMALIZED.passesProviderAnswerOn()).isFalse();
    }
}
