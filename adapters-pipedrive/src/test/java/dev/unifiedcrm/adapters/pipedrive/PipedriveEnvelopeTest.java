package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.ProviderAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pipedrive's 2xx envelope: success, a failure reported inside it, or a contract breach. */
class PipedriveEnvelopeTest {

    private static final String SENT = "adf21080-0e10-11eb-879b-05d71fb426ec";

    @Test
    void theDocumentedDeleteAnswerIsASuccessNamingTheDeletedId() {
        var reading = PipedriveEnvelope.read(Answers.json(200,
                "{\"success\":true,\"data\":{\"id\":\"1f0c3e20-db5a-11ee-a1b2-3d4e5f607182\"}}"));

        assertThat(reading).isInstanceOfSatisfying(PipedriveEnvelope.Reading.Success.class,
                success -> assertThat(success.deletedId(SENT)).isEqualTo("1f0c3e20-db5a-11ee-a1b2-3d4e5f607182"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"success\":true}", "{\"success\":true,\"data\":null}", "{\"success\":true,\"data\":{\"id\":\"\"}}",
            "{\"success\":true,\"data\":{\"id\":7}}", "{\"success\":true,\"data\":\"adf2\"}"})
    void aSuccessWithoutAStringDataIdDeletedTheIdSent(String body) {
        var reading = PipedriveEnvelope.read(Answers.json(200, body));

        assertThat(reading).isInstanceOfSatisfying(PipedriveEnvelope.Reading.Success.class,
                success -> assertThat(success.deletedId(SENT)).isEqualTo(SENT));
    }

    @Test
    void successFalseWithA4xxErrorCodeIsThatFailure() {
        var reading = PipedriveEnvelope.read(Answers.json(200,
                "{\"success\":false,\"error\":\"Permission denied\",\"errorCode\":403}"));

        assertThat(reading).isEqualTo(new PipedriveEnvelope.Reading.ReportedFailure(403, "Permission denied", null, false));
    }

    @Test
    void successFalseWithA5xxErrorCodeIsThatFailureAndItsMessageFallsBack() {
        var reading = PipedriveEnvelope.read(Answers.json(202,
                "{\"success\":false,\"error_info\":\"Please check developers.pipedrive.com\",\"errorCode\":503,\"code\":\"maintenance\"}"));

        assertThat(reading).isEqualTo(new PipedriveEnvelope.Reading.ReportedFailure(
                503, "Please check developers.pipedrive.com", "maintenance", false));
        assertThat(PipedriveEnvelope.read(Answers.json(200, "{\"success\":false,\"errorCode\":500}")))
                .isEqualTo(new PipedriveEnvelope.Reading.ReportedFailure(
                        500, "Pipedrive answered 500 without an error message", null, false));
    }

    @Test
    void aReported429WithTheDailyBudgetSpentIsAnExhaustedQuota() {
        String body = "{\"success\":false,\"error\":\"Too many requests\",\"errorCode\":429}";

        assertThat(PipedriveEnvelope.read(Answers.json(200, body, "x-daily-ratelimit-token-remaining", "0")))
                .isEqualTo(new PipedriveEnvelope.Reading.ReportedFailure(429, "Too many requests", null, true));
        assertThat(PipedriveEnvelope.read(Answers.json(200, body, "x-daily-ratelimit-token-remaining", "12")))
                .isEqualTo(new PipedriveEnvelope.Reading.ReportedFailure(429, "Too many requests", null, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"success\":false,\"error\":\"Unknown failure\"}",
            "{\"success\":false,\"errorCode\":200}",
            "{\"success\":false,\"errorCode\":399}",
            "{\"success\":false,\"errorCode\":600}",
            "{\"success\":false,\"errorCode\":\"403\"}",
            "{\"success\":false,\"errorCode\":403.0}",
            "{\"success\":false,\"errorCode\":null}",
            "{\"success\":\"true\",\"data\":{}}",
            "{\"success\":1}",
            "{\"success\":null}",
            "{\"data\":{\"id\":\"x\"}}",
            "[{\"success\":true}]",
            "\"success\"",
            "null"})
    void anyOtherJsonBodyBreaksTheContract(String body) {
        assertThat(PipedriveEnvelope.read(Answers.json(200, body))).isInstanceOf(PipedriveEnvelope.Reading.Breach.class);
    }

    @Test
    void textOrNoBodyBreaksTheContractAndSaysWhy() {
        assertThat(PipedriveEnvelope.read(Answers.text(200, "text/html", "<html>ok</html>")))
                .isEqualTo(new PipedriveEnvelope.Reading.Breach(
                        "Pipedrive answered 200 with a body that is not a JSON object with \"success\""));
        assertThat(PipedriveEnvelope.read(Answers.empty(204))).isInstanceOf(PipedriveEnvelope.Reading.Breach.class);
        assertThat(PipedriveEnvelope.read(Answers.json(200, "{\"success\":false}")))
                .isEqualTo(new PipedriveEnvelope.Reading.Breach(
                        "Pipedrive answered 200 with \"success\": false but no errorCode from 400 to 599"));
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 400, 404, 500})
    void onlyA2xxIsReadAsAnEnvelope(int status) {
        ProviderAnswer answer = Answers.json(status, "{\"success\":true}");

        assertThatThrownBy(() -> PipedriveEnvelope.read(answer)).isInstanceOf(IllegalArgumentException.class);
    }
}
