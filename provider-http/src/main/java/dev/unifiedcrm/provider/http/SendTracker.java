package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.Delivery;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.Response;

import java.net.InetSocketAddress;
import java.net.Proxy;

/**
 * The one rule for "was the request sent?", from OkHttp's events of one call rather than from
 * exception types or messages:
 *
 * <ul>
 *   <li>no request header written: {@link Delivery#NOT_SENT} (no connection, refused, unknown host,
 *       TLS handshake failed, connect timeout);</li>
 *   <li>written on a connection reused from the pool, and the connection failed before any answer
 *       came and before the deadline: the keep-alive race. The server closed the idle connection as
 *       it was reused and never read the request, so it counts as {@link Delivery#NOT_SENT} and
 *       deserves one immediate resend on a new connection;</li>
 *   <li>anything else after the request was written (a fresh connection reset, a TLS failure while
 *       reading, a timeout, a broken answer): {@link Delivery#MAYBE_DELIVERED}.</li>
 * </ul>
 *
 * OkHttp reports {@code responseHeadersStart} once the status line and headers are read, so an
 * answer that breaks in the middle of its headers on a reused connection counts as the race too.
 */
final class SendTracker extends EventListener {

    private volatile boolean newConnection;
    private volatile boolean pooledConnection;
    private volatile boolean requestWritten;
    private volatile boolean answerStarted;

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        newConnection = true;
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        pooledConnection = !newConnection;
    }

    @Override
    public void requestHeadersStart(Call call) {
        requestWritten = true;
    }

    @Override
    public void responseHeadersStart(Call call) {
        answerStarted = true;
    }

    @Override
    public void responseHeadersEnd(Call call, Response response) {
        answerStarted = true;
    }

    /** Whether the failed attempt was the keep-alive race, which is resent at once on a new connection. */
    boolean keepAliveRace(boolean timedOut) {
        return requestWritten && pooledConnection && !answerStarted && !timedOut;
    }

    /** What a failure of this call says about delivery. */
    Delivery delivery(boolean timedOut) {
        return !requestWritten || keepAliveRace(timedOut) ? Delivery.NOT_SENT : Delivery.MAYBE_DELIVERED;
    }
}
