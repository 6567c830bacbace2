package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The retry rules (the root README's Reliability section): which failed exchanges are worth another attempt.
 *
 * <p>Retried, only while time is left: a connection that could not be opened, an attempt that
 * timed out or whose connection broke (a delete is safe to repeat, a fetch too), a provider 502,
 * 503 or 504, and a 429 whose {@code Retry-After} (seconds or an HTTP date) fits in the time left,
 * unless the provider said its quota is spent. Nothing else: not other 4xx or 5xx, not a broken
 * contract, not a local refusal, and not a failure reported inside a 2xx body, whatever status it
 * names: retries follow the statuses a provider answers, and a 200 carrying an error code is an
 * answer the provider finished (such bodies name limits, like a spent daily quota, that an
 * immediate retry cannot cure).
 */
public final class RetryRules {

    /** At most this many attempts in all. */
    public static final int MAX_ATTEMPTS = 3;

    private static final Pattern DELAY_SECONDS = Pattern.compile("[0-9]{1,9}");

    private RetryRules() {
    }

    /**
     * @param failure  what the attempt threw
     * @param timeLeft the time left for the whole call
     * @param now      the wall-clock time, to read a {@code Retry-After} date
     */
    public static RetryDecision decide(RuntimeException failure, Duration timeLeft, Instant now) {
        if (timeLeft.isZero() || timeLeft.isNegative() || !(failure instanceof ProviderFailure)) {
            return RetryDecision.STOP;
        }
        if (failure instanceof ProviderUnreachable || failure instanceof ProviderTimeout) {
            return RetryDecision.RETRY;
        }
        if (failure instanceof ProviderRejection rejection && !rejection.reportedInBody()) {
            int status = rejection.status();
            if (status == 502 || status == 503 || status == 504) {
                return RetryDecision.RETRY;
            }
            if (status == 429 && !rejection.quotaExhausted()) {
                return retryAfter(rejection.providerAnswer(), now)
                        .filter(pause -> pause.compareTo(timeLeft) < 0)
                        .map(RetryDecision::retryAfter)
                        .orElse(RetryDecision.STOP);
            }
        }
        return RetryDecision.STOP;
    }

    /**
     * The pause a provider asks for in {@code Retry-After}: delay-seconds or an HTTP date
     * (a date in the past is no pause). Empty when the header is missing or unreadable.
     */
    public static Optional<Duration> retryAfter(ProviderAnswer answer, Instant now) {
        return answer.header("retry-after").map(String::trim).flatMap(value -> {
            if (DELAY_SECONDS.matcher(value).matches()) {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            }
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        });
    }
}
