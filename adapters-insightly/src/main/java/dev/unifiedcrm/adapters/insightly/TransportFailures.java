package dev.unifiedcrm.adapters.insightly;

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
 * Turns an I/O failure of one exchange into the domain's failure, deciding whether the request may
 * have reached Insightly. Messages name what happened, never a URL or a header.
 */
final class TransportFailures {

    private TransportFailures() {
    }

    /**
     * @param failure      the I/O error, possibly a {@link DeadlineClient.NotSentException}
     * @param deadlinePast whether the exchange's deadline had passed when it failed
     * @param timeout      the exchange's deadline, for the message
     * @param what         what was being done, for the message ("the delete", "the fetch")
     */
    static ProviderFailure classify(IOException failure, boolean deadlinePast, Duration timeout, String what) {
        boolean notSent = failure instanceof DeadlineClient.NotSentException
                || failure instanceof ConnectException
                || failure instanceof UnknownHostException
                || failure instanceof NoRouteToHostException;
        IOException cause = failure instanceof DeadlineClient.NotSentException wrapped ? wrapped.failure() : failure;
        boolean timedOut = deadlinePast || cause instanceof InterruptedIOException;
        if (notSent) {
            if (timedOut) {
                return new ProviderTimeout("could not open a connection to Insightly within " + millis(timeout)
                        + "; " + what + " was not sent", Delivery.NOT_SENT, cause);
            }
            return new ProviderUnreachable("could not connect to Insightly (" + reason(cause) + "); "
                    + what + " was not sent", Delivery.NOT_SENT, cause);
        }
        if (timedOut) {
            return new ProviderTimeout("Insightly gave no complete answer within " + millis(timeout) + "; "
                    + what + " may have reached it", Delivery.MAYBE_DELIVERED, cause);
        }
        return new ProviderUnreachable("the connection to Insightly broke before a complete answer came ("
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

    private static String millis(Duration timeout) {
        return timeout.toMillis() + " ms";
    }
}
