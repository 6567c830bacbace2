package dev.unifiedcrm.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * A provider's OAuth token endpoint said it is throttling (a 429, or the provider's own signal), so
 * no access token came and the provider itself was not called. The caller may try again after
 * {@link #retryAfter()}; nothing is wrong with the credentials.
 */
public final class TokenRequestThrottled extends ProviderFailure {

    private final Duration retryAfter;

    public TokenRequestThrottled(String message, Duration retryAfter) {
        super(message, Delivery.NOT_SENT, null);
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter");
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
