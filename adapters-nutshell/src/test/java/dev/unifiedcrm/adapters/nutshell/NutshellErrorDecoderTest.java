package dev.unifiedcrm.adapters.nutshell;

import org.junit.jupiter.api.Test;

import java.util.function.IntFunction;

import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.answer;
import static dev.unifiedcrm.adapters.nutshell.NutshellAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

class NutshellErrorDecoderTest {

    private static final IntFunction<String> PHRASES = status -> switch (status) {
        case 401 -> "Unauthorized";
        case 404 -> "Not Found";
        case 500 -> "Internal Server Error";
        default -> "Unknown";
    };

    private static final String NOT_FOUND_PAGE = "<!DOCTYPE html><html><head><title>An Error Occurred: Not Found</title>"
            + "</head><body><h1>Oops! An Error Occurred</h1><h2>The server returned a \"404 Not Found\".</h2></body></html>";

    @Test
    void htmlPagesGiveTheStatusSentence() {
        assertThat(NutshellErrorDecoder.message(answer(404, "text/html; charset=UTF-8", NOT_FOUND_PAGE), PHRASES))
                .isEqualTo("Nutshell answered 404 Not Found");
        assertThat(NutshellErrorDecoder.message(answer(401, "text/html; charset=UTF-8",
                "<html><head><title>An Error Occurred: Unauthorized</title></head></html>"), PHRASES))
                .isEqualTo("Nutshell answered 401 Unauthorized");
    }

    @Test
    void aJsonMessageWinsOverDetail() {
        assertThat(NutshellErrorDecoder.message(json(400, "{\"message\": \"Invalid lead\", \"detail\": \"more\"}"), PHRASES))
                .isEqualTo("Invalid lead");
        assertThat(NutshellErrorDecoder.message(json(400, "{\"message\": \" \", \"detail\": \"Lead is locked\"}"), PHRASES))
                .isEqualTo("Lead is locked");
    }

    @Test
    void otherBodiesGiveTheStatusSentence() {
        assertThat(NutshellErrorDecoder.message(json(500, "{\"message\": 42}"), PHRASES))
                .isEqualTo("Nutshell answered 500 Internal Server Error");
        assertThat(NutshellErrorDecoder.message(json(429, "[\"slow down\"]"), PHRASES))
                .isEqualTo("Nutshell answered 429 Unknown");
        assertThat(NutshellErrorDecoder.message(answer(503, null, ""), PHRASES))
                .isEqualTo("Nutshell answered 503 Unknown");
    }
}
