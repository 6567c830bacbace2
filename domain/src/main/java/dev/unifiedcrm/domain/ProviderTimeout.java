package dev.unifiedcrm.domain;

/** No complete answer came within the exchange's timeout (slow connect, slow headers or a slow body). */
public final class ProviderTimeout extends ProviderFailure {

    public ProviderTimeout(String message, Delivery delivery, Throwable cause) {
        super(message, delivery, cause);
        if (delivery == Delivery.ANSWERED) {
            throw new IllegalArgumentException("a timeout has no answer");
        }
    }
}
