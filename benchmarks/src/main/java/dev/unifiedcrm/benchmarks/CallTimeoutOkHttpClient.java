package dev.unifiedcrm.benchmarks;

import feign.Client;
import feign.Request;
import feign.Response;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The alternative to deriving an {@link OkHttpClient} per call: one shared client, and the
 * exchange's deadline set on the {@link Call} itself ({@code call.timeout()}, OkHttp's per-call
 * call timeout), so nothing but the request and the call is allocated per exchange. Connect and
 * read timeouts stay those of the shared client. Used by {@link FeignClientBenchmark} to price the
 * per-call {@code newBuilder().build()} the adapters do.
 */
final class CallTimeoutOkHttpClient implements Client {

    private final OkHttpClient shared;

    CallTimeoutOkHttpClient(OkHttpClient shared) {
        this.shared = shared;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        okhttp3.Request.Builder builder = new okhttp3.Request.Builder().url(request.url());
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            for (String value : header.getValue()) {
                builder.addHeader(header.getKey(), value);
            }
        }
        byte[] body = request.body();
        RequestBody requestBody = body == null ? null : RequestBody.create(body, contentType(request));
        if (requestBody == null && request.httpMethod() == Request.HttpMethod.POST) {
            requestBody = RequestBody.create(new byte[0], null);
        }
        builder.method(request.httpMethod().name(), requestBody);
        Call call = shared.newCall(builder.build());
        call.timeout().timeout(options.readTimeoutUnit().toMillis(options.readTimeout()), TimeUnit.MILLISECONDS);
        okhttp3.Response response = call.execute();
        ResponseBody responseBody = response.body();
        Map<String, Collection<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : response.headers().names()) {
            List<String> values = new ArrayList<>(response.headers(name));
            headers.put(name, values);
        }
        long length = responseBody == null ? -1 : responseBody.contentLength();
        return Response.builder()
                .status(response.code())
                .reason(response.message())
                .request(request)
                .headers(headers)
                .body(responseBody == null ? null : responseBody.byteStream(),
                        length < 0 || length > Integer.MAX_VALUE ? null : (int) length)
                .build();
    }

    private static MediaType contentType(Request request) {
        Collection<String> values = request.headers().get("Content-Type");
        return values == null || values.isEmpty() ? null : MediaType.parse(values.iterator().next());
    }
}
