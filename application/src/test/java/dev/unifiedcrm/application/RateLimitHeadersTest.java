package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.RemoteBody;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class RateLimitHeadersTest {

    private static final Instant NOW = Instant.ofEpochSecond(1_800_000_000L);

    @Test
    void normalizesXRateLimitHeadersToLowerCase() {
        var headers = RateLimitHeaders.from(answer(Map.of("X-RateLimit-Limit", "1000", "X-RateLimit-Remaining", "998",
                "X-RateLimit-Reset", "30")), NOW);
        assertThat(headers).containsExactly(entry("ratelimit-limit", "1000"), entry("ratelimit-remaining", "998"),
                entry("ratelimit-reset", "30"));
    }

    @Test
    void readsTheIetfSpellingToo() {
        var headers = RateLimitHeaders.from(answer(Map.of("RateLimit-Limit", "60", "RateLimit-Remaining", "1", "RateLimit-Reset", "5")), NOW);
        assertThat(headers).containsExactly(entry("ratelimit-limit", "60"), entry("ratelimit-remaining", "1"), entry("ratelimit-reset", "5"));
    }

    @Test
    void anEpochResetBecomesSecondsFromNowAndNeverNegative() {
        assertThat(RateLimitHeaders.from(answer(Map.of("X-RateLimit-Reset", "1800000042")), NOW)).containsEntry("ratelimit-reset", "42");
        assertThat(RateLimitHeaders.from(answer(Map.of("X-RateLimit-Reset", "1799999000")), NOW)).containsEntry("ratelimit-reset", "0");
        assertThat(RateLimitHeaders.from(answer(Map.of("X-RateLimit-Reset", "1000000000")), NOW)).containsEntry("ratelimit-reset", "1000000000");
    }

    @Test
    void passesRetryAfterOnUnchanged() {
        assertThat(RateLimitHeaders.from(answer(Map.of("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")), NOW))
                .containsExactly(entry("retry-after", "Wed, 21 Oct 2026 07:28:00 GMT"));
    }

    @Test
    void ignoresWhatIsNotAWholeNumberOrCouldSplitAHeader() {
        assertThat(RateLimitHeaders.from(answer(Map.of("X-RateLimit-Limit", "lots", "X-RateLimit-Remaining", "-1",
                "Retry-After", "1\r\nSet-Cookie: x=y")), NOW)).isEmpty();
    }

    @Test
    void figuresTheAdapterReadFromTheProvidersOwnHeadersFillWhatTheGenericOnesLeaveOut() {
        var hubSpotLike = answer(Map.of("X-HubSpot-RateLimit-Max", "100", "X-RateLimit-Remaining", "7"))
                .withRateLimit(Map.of("ratelimit-limit", "100", "ratelimit-remaining", "93"));

        assertThat(RateLimitHeaders.from(hubSpotLike, NOW))
                .containsExactly(entry("ratelimit-limit", "100"), entry("ratelimit-remaining", "7"));
    }

    @Test
    void anAnswerRefusesProviderFiguresThatAreNotWholeNumbersOrNotRateLimitNames() {
        var answer = answer(Map.of());
        assertThatThrownBy(() -> answer.withRateLimit(Map.of("ratelimit-limit", "1.5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> answer.withRateLimit(Map.of("x-hubspot-ratelimit-max", "1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ratelimit-limit");
    }

    @Test
    void nothingWhenTheProviderSentNone() {
        assertThat(RateLimitHeaders.from(answer(Map.of("Content-Type", "application/json")), NOW)).isEmpty();
    }

    @Test
    void reasonPhrasesFollowRfc9110() {
        assertThat(ReasonPhrases.of(422)).isEqualTo("Unprocessable Content");
        assertThat(ReasonPhrases.of(413)).isEqualTo("Content Too Large");
        assertThat(ReasonPhrases.of(499)).isEqualTo("Unknown");
        // RFC 6585's statuses have no RFC 9110 phrase: the contract says Unknown.
        assertThat(ReasonPhrases.of(429)).isEqualTo("Unknown");
        assertThat(ReasonPhrases.of(431)).isEqualTo("Unknown");
    }

    private static ProviderAnswer answer(Map<String, String> headers) {
        var multi = new java.util.LinkedHashMap<String, List<String>>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ProviderAnswer(200, multi, null, new byte[0], new RemoteBody.Empty());
    }
}
