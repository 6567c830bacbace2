package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HubSpot's error answers and delete answers, as the adapter reads them. */
class HubSpotErrorDecoderTest {

    private final HubSpotErrorDecoder errors = new HubSpotErrorDecoder();
    private final HubSpotDeleteDecoder deletes = new HubSpotDeleteDecoder(errors);

    @Test
    void theGeneralErrorGivesMessageCategoryAndCorrelationId() {
        ProviderRejection rejection = errors.decode(Answers.json(403, """
                {"status":"error","message":"This app hasn't been granted all required scopes to make this call.",
                 "correlationId":"3a5c1e2f-0000-4000-8000-000000000001","category":"MISSING_SCOPES",
                 "errors":[{"message":"other"}],"links":{"scopes":"https://developers.hubspot.com/scopes"}}
                """));

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.providerMessage())
                .contains("This app hasn't been granted all required scopes to make this call.");
        assertThat(rejection.providerErrorCode()).contains("MISSING_SCOPES");
        assertThat(rejection.providerRequestId()).contains("3a5c1e2f-0000-4000-8000-000000000001");
        assertThat(rejection.quotaExhausted()).isFalse();
    }

    @Test
    void withoutMessageTheFirstErrorsMessageIsTaken() {
        ProviderRejection rejection = errors.decode(Answers.json(400,
                "{\"status\":\"error\",\"message\":\"\",\"category\":\"VALIDATION_ERROR\","
                        + "\"errors\":[{\"message\":\"Leads are not available on this portal.\",\"code\":\"X\"}]}"));

        assertThat(rejection.providerMessage()).contains("Leads are not available on this portal.");
    }

    @Test
    void anHtmlPageGivesASentenceAboutTheStatusAndKeepsTheText() {
        ProviderRejection rejection = errors.decode(Answers.text(404, "text/html",
                "<html><head><title>Error 404 Not Found</title></head></html>"));

        assertThat(rejection.providerMessage()).contains("HubSpot answered 404 without an error message");
        assertThat(rejection.providerErrorCode()).isEmpty();
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(new String(rejection.providerAnswer().body())).contains("Error 404 Not Found");
    }

    @Test
    void aDaily429IsAnExhaustedQuotaWhateverRetryAfterSays() {
        ProviderRejection rejection = errors.decode(Answers.json(429, """
                {"status":"error","message":"You have reached your daily limit.","errorType":"RATE_LIMIT",
                 "correlationId":"c-2","policyName":"DAILY","requestId":"r-2"}
                """, "Retry-After", "1"));

        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerErrorCode()).contains("RATE_LIMIT");
        assertThat(rejection.providerMessage()).contains("You have reached your daily limit.");
    }

    @Test
    void noDailyRequestLeftIsAnExhaustedQuotaEvenWithoutABody() {
        assertThat(errors.decode(Answers.empty(429, "X-HubSpot-RateLimit-Daily-Remaining", "0")).quotaExhausted())
                .isTrue();
        assertThat(errors.decode(Answers.empty(429, "X-HubSpot-RateLimit-Daily-Remaining", "10")).quotaExhausted())
                .isFalse();
    }

    @Test
    void theTenSecondWindows429IsNotAnExhaustedQuota() {
        ProviderRejection rejection = errors.decode(Answers.json(429, """
                {"status":"error","message":"You have reached your ten_secondly_rolling limit.","errorType":"RATE_LIMIT",
                 "policyName":"TEN_SECONDLY_ROLLING"}
                """, "Retry-After", "1"));

        assertThat(rejection.quotaExhausted()).isFalse();
    }

    @Test
    void dailyMarksOnAnotherStatusAreNoQuota() {
        assertThat(errors.decode(Answers.json(403, "{\"policyName\":\"DAILY\"}")).quotaExhausted()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"status\":\"error\",\"message\":\"The OAuth token used to make this call expired 0 second(s) ago.\",\"category\":\"EXPIRED_AUTHENTICATION\"}",
            "{\"status\":\"error\",\"message\":\"Authentication credentials not found.\",\"category\":\"INVALID_AUTHENTICATION\"}",
            "{}"})
    void every401IsATokenExpiredOrInvalid(String body) {
        assertThat(HubSpotErrorDecoder.tokenExpiredOrInvalid(Answers.json(401, body))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 429, 500})
    void otherStatusesAreNoTokenProblem(int status) {
        assertThat(HubSpotErrorDecoder.tokenExpiredOrInvalid(Answers.json(status,
                "{\"category\":\"EXPIRED_AUTHENTICATION\"}"))).isFalse();
    }

    @Test
    void aDelete204IsTheSuccessWithTheIdSent() {
        ProviderAnswer answer = Answers.empty(204);

        DeletedLead deleted = deletes.decode(answer, "38475629104");

        assertThat(deleted.id()).isEqualTo("38475629104");
        assertThat(deleted.answer()).isSameAs(answer);
    }

    @Test
    void anyOther2xxDeleteIsASuccessAndItsBodyIsNotJudged() {
        assertThat(deletes.decode(Answers.json(200, "{\"unexpected\":true}"), "5").id()).isEqualTo("5");
        assertThat(deletes.decode(Answers.text(202, "text/plain", "accepted"), "6").id()).isEqualTo("6");
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 414, 423, 429, 500, 502, 503, 504, 520})
    void aDelete4xxOr5xxIsARejectionWithThatStatus(int status) {
        assertThatThrownBy(() -> deletes.decode(Answers.json(status, "{\"message\":\"m\"}"), "5"))
                .isInstanceOfSatisfying(ProviderRejection.class, rejection -> {
                    assertThat(rejection.status()).isEqualTo(status);
                    assertThat(rejection.providerMessage()).contains("m");
                });
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 304, 307})
    void aDelete3xxBreaksTheContract(int status) {
        assertThatThrownBy(() -> deletes.decode(Answers.empty(status), "5"))
                .isInstanceOfSatisfying(ProviderContractBreach.class,
                        breach -> assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT));
    }
}
