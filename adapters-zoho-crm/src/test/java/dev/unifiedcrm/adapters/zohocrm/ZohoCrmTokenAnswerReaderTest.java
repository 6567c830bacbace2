package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.adapters.zohocrm.ZohoCrmTokenAnswerReader.TokenReading;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmTokenAnswerReaderTest {

    private static TokenReading read(int status, String body) throws IOException {
        return ZohoCrmTokenAnswerReader.read(status, ZohoCrmAnswers.JSON.readValue(body, Object.class));
    }

    @Test
    void theDocumentedAnswerIsATokenOfAnHour() throws IOException {
        TokenReading reading = read(200, """
                {"access_token":"1000.4f0c","scope":"ZohoCRM.modules.ALL","api_domain":"https://www.zohoapis.eu",
                 "token_type":"Bearer","expires_in":3600}""");

        assertThat(reading).isEqualTo(new TokenReading.Token("1000.4f0c", Optional.of(Duration.ofHours(1))));
        assertThat(reading.toString()).doesNotContain("1000.4f0c");
    }

    @Test
    void expiresInSecWinsBecauseExpiresInIsThenMilliseconds() throws IOException {
        assertThat(read(200, "{\"access_token\":\"t\",\"expires_in\":3600000,\"expires_in_sec\":3600}"))
                .isEqualTo(new TokenReading.Token("t", Optional.of(Duration.ofHours(1))));
        assertThat(read(200, "{\"access_token\":\"t\"}")).isEqualTo(new TokenReading.Token("t", Optional.empty()));
        assertThat(read(200, "{\"access_token\":\"t\",\"expires_in\":\"3600\"}"))
                .isEqualTo(new TokenReading.Token("t", Optional.empty()));
    }

    @Test
    void aRefusedGrantComesAs200WithAnError() throws IOException {
        assertThat(read(200, "{\"error\":\"invalid_code\"}"))
                .isEqualTo(new TokenReading.Refused(Optional.of("invalid_code"), Optional.empty()));
        assertThat(read(200, "{\"error\":\"invalid_client\"}"))
                .isEqualTo(new TokenReading.Refused(Optional.of("invalid_client"), Optional.empty()));
        assertThat(read(200, "{\"token_type\":\"Bearer\"}"))
                .as("a 2xx without a string access_token").isInstanceOf(TokenReading.Refused.class);
        assertThat(read(400, "{\"error\":\"invalid_client\",\"error_description\":\"bad client\"}"))
                .isEqualTo(new TokenReading.Refused(Optional.of("invalid_client"), Optional.of("bad client")));
        assertThat(read(200, "{\"access_token\":\"t\",\"error\":\"invalid_code\"}")).isInstanceOf(TokenReading.Refused.class);
    }

    @Test
    void throttlingIsNotARefusal() throws IOException {
        String body = """
                {"error_description":"You have made too many requests continuously. Please try again after some time.",
                 "error":"Access Denied","status":"failure"}""";

        assertThat(read(400, body)).isEqualTo(new TokenReading.Throttled(
                "You have made too many requests continuously. Please try again after some time."));
        assertThat(read(200, body)).isInstanceOf(TokenReading.Throttled.class);
        assertThat(read(400, "{\"status\":\"failure\"}")).isInstanceOf(TokenReading.Throttled.class);
        assertThat(ZohoCrmTokenAnswerReader.THROTTLED_RETRY_AFTER).isEqualTo(Duration.ofSeconds(60));
    }
}
