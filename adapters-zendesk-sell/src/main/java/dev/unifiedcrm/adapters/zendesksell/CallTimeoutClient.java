package dev.unifiedcrm.adapters.zendesksell;

import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a whole exchange, from connecting to the last body byte, by the read timeout of the
 * call's {@link Request.Options}.
 *
 * <p>OkHttp's read timeout is per read, so a body that dribbles in would never time out; its call
 * timeout covers the exchange, but Feign's OkHttp client does not set it. Each call gets a client
 * derived from the shared one ({@code newBuilder()} shares the pool and the dispatcher).
 */
final class CallTimeoutClient implements Client {

    private final okhttp3.OkHttpClient shared;

    CallTimeoutClient(okhttp3.OkHttpClient shared) {
        this.shared = shared;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long exchangeMillis = options.readTimeoutUnit().toMillis(options.readTimeout());
        okhttp3.OkHttpClient perCall = shared.newBuilder()
                .callTimeout(exchangeMillis, TimeUnit.MILLISECONDS)
                .connectTimeout(options.connectTimeoutMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(options.readTimeoutMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        return new feign.okhttp.OkHttpClient(perCall).execute(request, options);
    }
}
