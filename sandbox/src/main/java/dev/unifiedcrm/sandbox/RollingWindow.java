package dev.unifiedcrm.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** Counts requests over a rolling window, for the rate-limit headers the simulators send (never enforced). */
final class RollingWindow {

    private final Clock clock;
    private final Duration length;
    private final int allowance;
    private final Deque<Instant> requests = new ArrayDeque<>();

    RollingWindow(Clock clock, Duration length, int allowance) {
        this.clock = clock;
        this.length = length;
        this.allowance = allowance;
    }

    /** Counts one request and returns what is left of the allowance in the window, never below zero. */
    synchronized int countAndRemaining() {
        Instant now = clock.instant();
        while (!requests.isEmpty() && !requests.peekFirst().isAfter(now.minus(length))) {
            requests.removeFirst();
        }
        requests.addLast(now);
        return Math.max(0, allowance - requests.size());
    }
}
