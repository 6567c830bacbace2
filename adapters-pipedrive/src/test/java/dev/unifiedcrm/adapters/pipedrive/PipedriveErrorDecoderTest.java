package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.ProviderRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PipedriveErrorDecoderTest {

    private final PipedriveErrorDecoder errors = new PipedriveErrorDecoder();

    @Test
    void theErrorEnvelopeGivesMessageCodeAndCorrelationId() {
        ProviderRejection rejection = errors.decode(Answers.json(403, """
                {"success":false,"error":"You do not have permission to delete leads","error_info":"Please check developers.pipedrive.com",
                 "data":null,"additional_data":null,"code":"feature_capping_deals_limit"}
                """, "x-correlation-id", "6b1f0c2e-aaaa-4bbb-8ccc-0123456789ab"));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage()).contains("You do not have permission to delete leads");
        assertThat(rejection.providerErrorCode()).contains("feature_capping_deals_limit");
        assertThat(rejection.providerRequestId()).contains("6b1f0c2e-aaaa-4bbb-8ccc-0123456789ab");
        assertThat(rejection.quotaExhausted()).isFalse();
    }

    @Test
    void withoutErrorTheErrorInfoIsTheMessage() {
        assertThat(errors.decode(Answers.json(402, "{\"success\":false,\"error\":\" \",\"error_info\":\"Company account is not open\"}"))
                .providerMessage()).contains("Company account is not open");
    }

    @Test
    void theCloudflarePageGivesASentenceAboutTheStatusAndKeepsTheText() {
        ProviderRejection rejection = errors.decode(Answers.text(403, "text/html",
                "<!DOCTYPE html><title>Attention Required! | Cloudflare</title>"));

        assertThat(rejection.providerMessage()).contains("Pipedrive answered 403 without an error message");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(new String(rejection.providerAnswer().body())).contains("Cloudflare");
    }

    @Test
    void aNumericErrorCodeIsLeftInTheBody() {
        ProviderRejection rejection = errors.decode(Answers.json(401,
                "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401,"
                        + "\"error_info\":\"Please check developers.pipedrive.com\"}", "x-401-by-gw", "true"));

        assertThat(rejection.providerMessage()).contains("unauthorized access");
        assertThat(rejection.providerErrorCode()).isEmpty();
    }

    @Test
    void a429WithTheDailyBudgetSpentIsAnExhaustedQuotaWhateverRetryAfterSays() {
        assertThat(errors.decode(Answers.json(429, "{\"success\":false,\"error\":\"Too many requests\"}",
                "Retry-After", "1", "x-daily-ratelimit-token-remaining", "0")).quotaExhausted()).isTrue();
    }

    @Test
    void a429OfTheBurstWindowOrWithoutDailyHeadersIsNoExhaustedQuota() {
        assertThat(errors.decode(Answers.json(429, "{}", "Retry-After", "1", "x-ratelimit-reset", "1",
                "x-daily-ratelimit-token-remaining", "29000")).quotaExhausted()).isFalse();
        assertThat(errors.decode(Answers.empty(429)).quotaExhausted()).isFalse();
        assertThat(errors.decode(Answers.empty(403, "x-daily-ratelimit-token-remaining", "0")).quotaExhausted()).isFalse();
    }

    @Test
    void every401IsATokenExpiredOrInvalid() {
        assertThat(PipedriveErrorDecoder.tokenExpiredOrInvalid(Answers.json(401,
                "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401}", "x-401-by-gw", "true"))).isTrue();
        assertThat(PipedriveErrorDecoder.tokenExpiredOrInvalid(Answers.empty(401))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 402, 403, 404, 429, 500})
    void otherStatusesAreNoTokenProblem(int status) {
        assertThat(PipedriveErrorDecoder.tokenExpiredOrInvalid(Answers.json(status,
                "{\"success\":false,\"error\":\"unauthorized access\"}"))).isFalse();
    }
}
