package dev.unifiedcrm.domain;

/**
 * Why an exchange with a provider did not give a usable answer. Messages are for people and never
 * hold a credential, a header value or a URL with credentials.
 *
 * <p>{@link AnsweredProviderFailure} holds the failures that came with an answer; a timeout or an
 * unreachable provider has none.
 *
 * <p>These are expected outcomes of talking to a remote service, so they carry no stack trace.
 */
public abstract sealed class ProviderFailure extends RuntimeException
        permits AnsweredProviderFailure, ProviderTimeout, ProviderUnreachable, TokenRequestThrottled {

    private final Delivery delivery;

    protected ProviderFailure(String message, Delivery delivery, Throwable cause) {
        super(message, cause, false, false);
        this.delivery = delivery;
    }

    public Delivery delivery() {
        return delivery;
    }
}
