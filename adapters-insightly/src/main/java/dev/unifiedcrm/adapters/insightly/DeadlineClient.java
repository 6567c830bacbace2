package dev.unifiedcrm.adapters.insightly;

import feign.Client;
import feign.Request;
import feign.Response;
import okhttp3.Call;
import okhttp3.EventListener;
import okhttp3.OkHttpClient;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Feign's OkHttp client with a deadline over the whole exchange. OkHttp's read timeout is per
 * read, so a body that trickles in would never time out; its {@code callTimeout} spans connect to
 * last body byte, but Feign's {@code OkHttpClient} never sets it. Per call this derives a client
 * (sharing pool and dispatcher) whose call timeout is the {@link Request.Options#readTimeout()} the
 * adapter passes: the exchange's whole deadline.
 *
 * <p>It also tells whether a failed request was sent at all: an I/O error before the request
 * headers started going out is rethrown as {@link NotSentException}.
 */
final class DeadlineClient implements Client {

    private final OkHttpClient base;

    DeadlineClient(OkHttpClient base) {
        this.base = base;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        var tracker = new SendTracker();
        OkHttpClient perCall = base.newBuilder()
                .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .callTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .eventListener(tracker)
                .build();
        try {
            return new feign.okhttp.OkHttpClient(perCall).execute(request, options);
        } catch (IOException e) {
            if (!tracker.requestStarted) {
                throw new NotSentException(e);
            }
            throw e;
        }
    }

    /** An I/O failure that happened before any byte of the request was written. */
    static final class NotSentException extends IOException {
        NotSentException(IOException cause) {
            super("the request was not sent", cause);
        }

        IOException failure() {
            return (IOException) getCause();
        }
    }

    private static final class SendTracker extends EventListener {
        private volatile boolean requestStarted;

        @Override
        public void requestHeadersStart(Call call) {
            requestStarted = true;
        }
    }
}
