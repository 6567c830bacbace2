package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Turns an I/O failure of one exchange into the domain's failure. Whether the request was sent
 * comes from {@link SendTracker} (carried by {@link ExchangeIOException}); a failure without it
 * happened while the answer's body was read, after the request went out. Messages name what
 * happened, never a URL or a header.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    static ProviderFailure classify(IOException thrown, boolean deadlinePast, Duration timeout, String provider, String what) {
        Delivery delivery = thrown instanceof ExchangeIOException exchange ? exchange.delivery() : Delivery.MAYBE_DELIVERED;
        IOException cause = thrown instanceof ExchangeIOException exchange ? exchange.failure() : thrown;
        boolean timedOut = deadlinePast || cause instanceof InterruptedIOException;
        if (delivery == Delivery.NOT_SENT) {
            if (timedOut) {
                return new ProviderTimeout("could not open a connection to " + provider + " within " + timeout.toMillis()
                        + " ms; " + what + " was not sent", Delivery.NOT_SENT, cause);
            }
            return new ProviderUnreachable("could not reach " + provider + " (" + reason(cause) + "); "
                    + what + " was not sent", Delivery.NOT_SENT, cause);
        }
        if (timedOut) {
            return new ProviderTimeout(provider + " gave no complete answer within " + timeout.toMillis() + " ms; "
                    + what + " may have reached it", Delivery.MAYBE_DELIVERED, cause);
        }
        return new ProviderUnreachable("the connection to " + provider + " broke before a complete answer came ("
                + reason(cause) + "); " + what + " may have reached it", Delivery.MAYBE_DELIVERED, cause);
    }

    private static String reason(IOException cause) {
        if (cause instanceof UnknownHostException) {
            return "its host name could not be resolved";
        }
        if (cause instanceof ConnectException) {
            return "connection refused";
        }
        if (cause instanceof NoRouteToHostException) {
            return "no route to its host";
        }
        if (cause instanceof SSLException) {
            return "the TLS handshake or session failed";
        }
        return "the connection was closed, reset or answered with something that is not HTTP";
    }
}
