package dev.unifiedcrm.domain;

import java.util.OptionalDouble;

/**
 * How fast calls to one account's provider may go: the adapter's documented rate, a rate of the
 * account's own, or unpaced.
 */
public record Pacing(Kind kind, double requestsPerSecond) {

    public enum Kind { PROVIDER_DEFAULT, FIXED, UNPACED }

    public Pacing {
        if (kind == Kind.FIXED && !(requestsPerSecond > 0 && Double.isFinite(requestsPerSecond))) {
            throw new IllegalArgumentException("rate_limit.requests_per_second must be a positive number, or 0 for unpaced");
        }
    }

    public static Pacing providerDefault() {
        return new Pacing(Kind.PROVIDER_DEFAULT, 0);
    }

    public static Pacing unpaced() {
        return new Pacing(Kind.UNPACED, 0);
    }

    /** {@code 0} means unpaced, as in the configuration file. */
    public static Pacing perSecond(double requestsPerSecond) {
        return requestsPerSecond == 0 ? unpaced() : new Pacing(Kind.FIXED, requestsPerSecond);
    }

    /** The rate to apply, given the provider's documented one; empty means unpaced. */
    public OptionalDouble effectiveRate(OptionalDouble documentedRate) {
        return switch (kind) {
            case PROVIDER_DEFAULT -> documentedRate;
            case FIXED -> OptionalDouble.of(requestsPerSecond);
            case UNPACED -> OptionalDouble.empty();
        };
    }
}
