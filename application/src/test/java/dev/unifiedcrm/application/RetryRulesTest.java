package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");
    private static final Duration PLENTY = Duration.ofSeconds(30);

    @Test
    void aConnectionThatCouldNotBeOpenedIsRetried() {
        assertThat(decide(new ProviderUnreachable("refused", Delivery.NOT_SENT, null))).isEqualTo(RetryDecision.RETRY);
    }

    @Test
    void aBrokenConnectionOrATimeoutIsRetriedBecauseADeleteIsSafeToRepeat() {
        assertThat(decide(new ProviderUnreachable("reset", Delivery.MAYBE_DELIVERED, null))).isEqualTo(RetryDecision.RETRY);
        assertThat(decide(new ProviderTimeout("slow", Delivery.MAYBE_DELIVERED, null))).isEqualTo(RetryDecision.RETRY);
        assertThat(decide(new ProviderTimeout("slow connect", Delivery.NOT_SENT, null))).isEqualTo(RetryDecision.RETRY);
    }

    @ParameterizedTest
    @ValueSource(ints = {502, 503, 504})
    void aProviderGatewayErrorIsRetried(int status) {
        assertThat(decide(rejection(status, Map.of(), false))).isEqualTo(RetryDecision.RETRY);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500, 501, 505})
    void otherProviderErrorsAreNotRetried(int status) {
        assertThat(decide(rejection(status, Map.of(), false))).isEqualTo(RetryDecision.STOP);
    }

    @Test
    void aContractBreachOrAnythingElseIsNotRetried() {
        var breach = new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, FakeCrm.answer(302, Map.of(), null, ""), "redirect");
        assertThat(decide(breach)).isEqualTo(RetryDecision.STOP);
        assertThat(decide(new IllegalStateException("defect"))).isEqualTo(RetryDecision.STOP);
    }

    @Test
    void a429WhoseRetryAfterSecondsFitIsRetriedNoSoonerThanAsked() {
        var decision = decide(rejection(429, Map.of("Retry-After", List.of("2")), false));

        assertThat(decision.retry()).isTrue();
        assertThat(decision.notBefore()).contains(Duration.ofSeconds(2));
    }

    @Test
    void a429WhoseRetryAfterDateFitsIsRetriedUntilThatDate() {
        var decision = decide(rejection(429, Map.of("Retry-After", List.of("Sun, 29 Nov 2026 10:00:05 GMT")), false));

        assertThat(decision.notBefore()).contains(Duration.ofSeconds(5));
    }

    @Test
    void aRetryAfterDateInThePastMeansNoPause() {
        var decision = decide(rejection(429, Map.of("Retry-After", List.of("Sun, 29 Nov 2026 09:59:00 GMT")), false));

        assertThat(decision.notBefore()).contains(Duration.ZERO);
    }

    @Test
    void a429WhoseRetryAfterDoesNotFitInTheTimeLeftIsNotRetried() {
        assertThat(RetryRules.decide(rejection(429, Map.of("Retry-After", List.of("5")), false), Duration.ofSeconds(5), NOW))
                .isEqualTo(RetryDecision.STOP);
        assertThat(RetryRules.decide(rejection(429, Map.of("Retry-After", List.of("5")), false), Duration.ofSeconds(6), NOW).retry())
                .isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-1", "1.5", "99999999999", "Sunday, 29-Nov-26 10:00:05 GMT"})
    void a429WithoutAReadableRetryAfterIsNotRetried(String value) {
        assertThat(decide(rejection(429, Map.of("Retry-After", List.of(value)), false))).isEqualTo(RetryDecision.STOP);
        assertThat(decide(rejection(429, Map.of(), false))).isEqualTo(RetryDecision.STOP);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void aFailureReportedInsideATwoHundredBodyIsNotRetriedWhateverStatusItNames(int status) {
        ProviderAnswer ok = FakeCrm.jsonAnswer(200, Map.of("Retry-After", List.of("1")), "{\"errors\":[{}]}", Map.of("errors", List.of(Map.of())));

        assertThat(decide(ProviderRejection.reportedInBody(ok, status, "busy", "SOME_CODE", null, false)))
                .isEqualTo(RetryDecision.STOP);
    }

    @Test
    void a429WithAnExhaustedQuotaIsNotRetriedWhateverItsRetryAfter() {
        assertThat(decide(rejection(429, Map.of("Retry-After", List.of("1")), true))).isEqualTo(RetryDecision.STOP);
    }

    @Test
    void nothingIsRetriedOnceNoTimeIsLeft() {
        assertThat(RetryRules.decide(new ProviderUnreachable("refused", Delivery.NOT_SENT, null), Duration.ZERO, NOW))
                .isEqualTo(RetryDecision.STOP);
        assertThat(RetryRules.decide(rejection(503, Map.of(), false), Duration.ZERO, NOW)).isEqualTo(RetryDecision.STOP);
    }

    private static RetryDecision decide(RuntimeException failure) {
        return RetryRules.decide(failure, PLENTY, NOW);
    }

    static ProviderRejection reportedInBody(int status) {
        ProviderAnswer ok = FakeCrm.jsonAnswer(200, Map.of(), "{\"errors\":[{\"message\":\"nope\"}]}",
                Map.of("errors", List.of(Map.of("message", "nope"))));
        return ProviderRejection.reportedInBody(ok, status, "nope", "SOME_CODE", null, false);
    }

    static ProviderRejection rejection(int status, Map<String, List<String>> headers, boolean quotaExhausted) {
        ProviderAnswer answer = FakeCrm.jsonAnswer(status, headers, "{\"Message\":\"nope\"}", Map.of("Message", "nope"));
        return new ProviderRejection(answer, "nope", null, null, quotaExhausted);
    }
}
