package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.Delivery;

import java.io.IOException;

/** An I/O failure of one exchange, with what {@link SendTracker} concluded about delivery. */
final class ExchangeIOException extends IOException {

    private final Delivery delivery;

    ExchangeIOException(IOException failure, Delivery delivery) {
        super(failure.getMessage(), failure);
        this.delivery = delivery;
    }

    Delivery delivery() {
        return delivery;
    }

    IOException failure() {
        return (IOException) getCause();
    }
}
