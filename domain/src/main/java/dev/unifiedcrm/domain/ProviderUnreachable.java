package dev.unifiedcrm.domain;

/**
 * The provider could not be reached ({@link Delivery#NOT_SENT}: connection refused, unknown host,
 * TLS failure) or the connection broke before a complete answer ({@link Delivery#MAYBE_DELIVERED}).
 */
public final class ProviderUnreachable extends ProviderFailure {

    public ProviderUnreachable(String message, Delivery delivery, Throwable cause) {
        super(message, delivery, cause);
        if (delivery == Delivery.ANSWERED) {
            throw new IllegalArgumentException("an unreachable provider gave no answer");
        }
    }
}
