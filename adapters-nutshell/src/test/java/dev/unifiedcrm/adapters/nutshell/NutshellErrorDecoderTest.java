package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.ProviderRejection;
import org.junit.jupiter.api.Test;

import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.answer;
import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

class NutshellErrorDecoderTest {

    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html><head><title>An Error Occurred: Not Found</title>"
            + "</head><body><h1>Oops! An Error Occurred</h1><h2>The server returned a \"404 Not Found\".</h2></body></html>";

    private final NutshellErrorDecoder decoder = new NutshellErrorDecoder();

    @Test
    void htmlPagesGiveTheStatusSentence() {
        assertThat(NutshellErrorDecoder.message(answer(404, "text/html; charset=UTF-8", NOT_FOUND_PAGE)))
                .isEqualTo("Nutshell answered 404 Not Found");
        assertThat(NutshellErrorDecoder.message(answer(401, "text/html; charset=UTF-8",
                "<html><head><title>An Error Occurred: Unauthorized</title></head></html>")))
                .isEqualTo("Nutshell answered 401 Unauthorized");
    }

    @Test
    void aJsonMessageWinsOverDetail() {
        assertThat(NutshellErrorDecoder.message(json(400, "{\"message\": \"Invalid lead\", \"detail\": \"more\"}")))
                .isEqualTo("Invalid lead");
        assertThat(NutshellErrorDecoder.message(json(400, "{\"message\": \" \", \"detail\": \"Lead is locked\"}")))
                .isEqualTo("Lead is locked");
    }

    @Test
    void otherBodiesGiveTheStatusSentence() {
        assertThat(NutshellErrorDecoder.message(json(500, "{\"message\": 42}")))
                .isEqualTo("Nutshell answered 500 Internal Server Error");
        assertThat(NutshellErrorDecoder.message(json(429, "[\"slow down\"]")))
                .isEqualTo("Nutshell answered 429 Too Many Requests");
        assertThat(NutshellErrorDecoder.message(answer(503, null, "")))
                .isEqualTo("Nutshell answered 503 Service Unavailable");
        assertThat(NutshellErrorDecoder.message(answer(599, null, "")))
                .as("a status without a known phrase").isEqualTo("Nutshell answered 599");
    }

    @Test
    void aRejectionKeepsTheAnswerAndCarriesNoCodeRequestIdOrSpentQuota() {
        var page = answer(404, "text/html; charset=UTF-8", NOT_FOUND_PAGE);

        ProviderRejection rejection = decoder.decode(page);

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerAnswer()).isSameAs(page);
        assertThat(rejection.providerMessage()).contains("Nutshell answered 404 Not Found");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
    }
}
