package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.provider.http.TokenAnswer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmTokenAnswerReaderTest {

    private static TokenAnswer read(int status, String body) throws IOException {
        return ZohoCrmTokenAnswerReader.read(status, ZohoCrmAnswers.JSON.readValue(body, Object.class));
    }

    @Test
    void theDocumentedAnswerIsATokenOfAnHour() throws IOException {
        TokenAnswer reading = read(200, """
                {"access_token":"1000.4f0c","scope":"ZohoCRM.modules.ALL","api_domain":"https://www.zohoapis.eu",
                 "token_type":"Bearer","expires_in":3600}""");

        assertThat(reading).isEqualTo(new TokenAnswer.Issued("1000.4f0c", Optional.of(Duration.ofHours(1)), Optional.empty()));
        assertThat(reading.toString()).doesNotContain("1000.4f0c");
    }

    @Test
    void expiresInSecWinsBecauseExpiresInIsThenMilliseconds() throws IOException {
        assertThat(read(200, "{\"access_token\":\"t\",\"expires_in\":3600000,\"expires_in_sec\":3600}"))
                .isEqualTo(new TokenAnswer.Issued("t", Optional.of(Duration.ofHours(1)), Optional.empty()));
        assertThat(read(200, "{\"access_token\":\"t\"}")).isEqualTo(new TokenAnswer.Issued("t", Optional.empty(), Optional.empty()));
        assertThat(read(200, "{\"access_token\":\"t\",\"expires_in\":\"3600\"}"))
                .isEqualTo(new TokenAnswer.Issued("t", Optional.empty(), Optional.empty()));
    }

    @Test
    void aRefusedGrantComesAs200WithAnError() throws IOException {
        assertThat(read(200, "{\"error\":\"invalid_code\"}"))
                .isEqualTo(new TokenAnswer.Refused(Optional.of("invalid_code"), Optional.empty()));
        assertThat(read(200, "{\"error\":\"invalid_client\"}"))
                .isEqualTo(new TokenAnswer.Refused(Optional.of("invalid_client"), Optional.empty()));
        assertThat(read(200, "{\"token_type\":\"Bearer\"}"))
                .as("a 2xx without a string access_token").isInstanceOf(TokenAnswer.Refused.class);
        assertThat(read(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad client\"}"))
                .isEqualTo(new TokenAnswer.Refused(Optional.of("invalid_client"), Optional.of("bad client")));
        assertThat(read(200, "{\"access_token\":\"t\",\"error\":\"invalid_code\"}")).isInstanceOf(TokenAnswer.Refused.class);
    }

    @Test
    void throttlingIsNotARefusal() throws IOException {
        String body = """
                {"error_description":"You have made too many requests continuously. Please try again after some time.",
                 "error":"Access Denied","status":"failure"}""";

        assertThat(read(400, body)).as("the service ends the sentence itself").isEqualTo(new TokenAnswer.Throttled(
                "You have made too many requests continuously. Please try again after some time", Duration.ofSeconds(60)));
        assertThat(read(200, body)).isInstanceOf(TokenAnswer.Throttled.class);
        assertThat(read(400, "{\"status\":\"failure\"}")).isInstanceOf(TokenAnswer.Throttled.class);
    }
}
