package dev.unifiedcrm.provider.http;

import okhttp3.Connection;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.internal.connection.RealConnection;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The OkHttp set-up every adapter shares. Retries and redirects are the caller's decision, so the
 * client never resends ({@code retryOnConnectionFailure} off, {@code Retry-After} hidden from its
 * follow-up step) and never follows. Read and write timeouts are off: each call carries the
 * exchange's whole deadline as its call timeout, which a per-read timeout could only cut short.
 */
final class HttpClientSetup {

    /**
     * OkHttp keeps 5 idle connections by default: under concurrent deletes about one call in twelve
     * opened a new one. Keep as many as the expected concurrency.
     */
    static final int IDLE_CONNECTIONS = 64;

    private static final String RETRY_AFTER = "Retry-After";
    private static final String HIDDEN_RETRY_AFTER = "X-Unified-Crm-Hidden-Retry-After";

    private HttpClientSetup() {
    }

    static OkHttpClient client(Duration connectTimeout) {
        return new OkHttpClient.Builder()
                .retryOnConnectionFailure(false)
                .followRedirects(false)
                .followSslRedirects(false)
                .connectionPool(new ConnectionPool(IDLE_CONNECTIONS, 5, TimeUnit.MINUTES))
                .connectTimeout(connectTimeout)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .eventListenerFactory(call -> {
                    SendTracker tracker = call.request().tag(SendTracker.class);
                    return tracker == null ? EventListener.NONE : tracker;
                })
                // Even with its retries off, OkHttp's follow-up step resends a 503 at once when Retry-After
                // is 0 and fails on a value beyond an int. Below that step the header is hidden; above it,
                // put back unchanged, so the answer still carries it.
                .addInterceptor(chain -> move(chain.proceed(chain.request()), HIDDEN_RETRY_AFTER, RETRY_AFTER))
                .addNetworkInterceptor(chain -> move(chain.proceed(chain.request()), RETRY_AFTER, HIDDEN_RETRY_AFTER))
                .addNetworkInterceptor(HttpClientSetup::noReuseWhenTheServerCloses)
                .build();
    }

    /** The same client with a pool that keeps no idle connection: each call opens its own. */
    static OkHttpClient withoutIdleConnections(OkHttpClient shared) {
        return shared.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
    }

    /**
     * An HTTP/1.0 answer without {@code Connection: keep-alive} means the server closes the
     * connection after it; reusing it would send the next request into a closed socket. OkHttp
     * honours {@code Connection: close} by itself but not HTTP/1.0, so the connection is retired
     * here the way OkHttp retires it for {@code close}.
     */
    private static Response noReuseWhenTheServerCloses(Interceptor.Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.protocol() == Protocol.HTTP_1_0 && !"keep-alive".equalsIgnoreCase(response.header("Connection"))) {
            retire(chain.connection());
        }
        return response;
    }

    private static void retire(Connection connection) {
        if (connection instanceof RealConnection real) {
            synchronized (real) {
                real.setNoNewExchanges(true);
            }
        }
    }

    private static Response move(Response response, String from, String to) {
        var values = response.headers(from);
        if (values.isEmpty()) {
            return response;
        }
        var moved = response.newBuilder().removeHeader(from);
        values.forEach(value -> moved.addHeader(to, value));
        return moved.build();
    }
}
