package dev.unifiedcrm.adapters.pipeliner;

import feign.Client;
import feign.Request;
import feign.Response;
import okhttp3.OkHttpClient;

import java.io.IOException;

/**
 * Bounds each whole exchange, from connecting to the last body byte, with OkHttp's
 * {@code callTimeout}: a read timeout alone is per read, so a body dribbling in slowly would
 * never time out. Feign's OkHttp client sets no call timeout, so this one derives, per call, a
 * client from the shared one (same pool and dispatcher) whose call timeout is the
 * {@link Request.Options#readTimeout()} of that call, and delegates to Feign's OkHttp client.
 * Redirects are never followed, whatever the options say.
 */
final class PerCallTimeoutClient implements Client {

    private final OkHttpClient base;

    PerCallTimeoutClient(OkHttpClient base) {
        this.base = base;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        OkHttpClient scoped = base.newBuilder()
                .connectTimeout(options.connectTimeout(), options.connectTimeoutUnit())
                .readTimeout(options.readTimeout(), options.readTimeoutUnit())
                .callTimeout(options.readTimeout(), options.readTimeoutUnit())
                .followRedirects(false)
                .followSslRedirects(false)
                .build();
        // The scoped client's timeouts equal the options, so Feign's client does not derive another one.
        var noRedirects = new Request.Options(options.connectTimeout(), options.connectTimeoutUnit(),
                options.readTimeout(), options.readTimeoutUnit(), false);
        return new feign.okhttp.OkHttpClient(scoped).execute(request, noRedirects);
    }
}
