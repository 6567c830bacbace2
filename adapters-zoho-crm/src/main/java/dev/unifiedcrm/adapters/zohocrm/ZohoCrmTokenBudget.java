package dev.unifiedcrm.adapters.zohocrm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.OptionalLong;

/**
 * Zoho lets one refresh token mint at most 10 access tokens per 10 minutes, then blocks it for the
 * rest of those 10 minutes. One budget per account: an 11th token request within a rolling 10
 * minutes is never sent; the caller answers 429 with {@code Retry-After} until the oldest of the 10
 * leaves the window. Thread-safe.
 */
final class ZohoCrmTokenBudget {

    static final int TOKENS_PER_WINDOW = 10;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final Clock clock;
    private final Deque<Instant> sent = new ArrayDeque<>(TOKENS_PER_WINDOW);

    ZohoCrmTokenBudget(Clock clock) {
        this.clock = clock;
    }

    /**
     * Takes one token request from the budget.
     *
     * @return empty when the request may be sent (it is counted); else the whole seconds, at least 1,
     *         until one may be sent again (nothing is counted)
     */
    synchronized OptionalLong take() {
        Instant now = clock.instant();
        while (!sent.isEmpty() && !sent.peekFirst().plus(WINDOW).isAfter(now)) {
            sent.removeFirst();
        }
        if (sent.size() < TOKENS_PER_WINDOW) {
            sent.addLast(now);
            return OptionalLong.empty();
        }
        Duration wait = Duration.between(now, sent.peekFirst().plus(WINDOW));
        long seconds = wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return OptionalLong.of(Math.max(1, seconds));
    }
}
