package dev.unifiedcrm.provider.http;

import feign.Client;
import feign.Request;
import feign.Response;
import okhttp3.Call;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Feign's {@link Client} on one shared OkHttp client. The exchange's deadline arrives as the read
 * timeout of the call's {@link Request.Options} and becomes the timeout of that one OkHttp
 * {@link Call} (connect to last body byte), so no client is derived per call. A failure leaves as
 * an {@link ExchangeIOException} that says whether the request was sent; the keep-alive race is
 * resent once, at once, on a connection opened for it.
 */
final class SharedOkHttpClient implements Client {

    private final OkHttpClient shared;
    private final OkHttpClient freshConnections;
    private final String userAgent;

    SharedOkHttpClient(OkHttpClient shared, String userAgent) {
        this.shared = shared;
        // Same set-up, but a pool that keeps nothing idle: every call on it opens its own connection.
        this.freshConnections = HttpClientSetup.withoutIdleConnections(shared);
        this.userAgent = userAgent;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        long deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(options.readTimeoutMillis());
        var first = new SendTracker();
        try {
            return send(shared, request, first, deadlineNanos);
        } catch (IOException failure) {
            boolean timedOut = timedOut(failure, deadlineNanos);
            if (!first.keepAliveRace(timedOut) || deadlineNanos - System.nanoTime() <= 0) {
                throw new ExchangeIOException(failure, first.delivery(timedOut));
            }
        }
        var resend = new SendTracker();
        try {
            return send(freshConnections, request, resend, deadlineNanos);
        } catch (IOException failure) {
            throw new ExchangeIOException(failure, resend.delivery(timedOut(failure, deadlineNanos)));
        }
    }

    private Response send(OkHttpClient client, Request request, SendTracker tracker, long deadlineNanos) throws IOException {
        Call call = client.newCall(toOkHttp(request, tracker));
        call.timeout().timeout(Math.max(1, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        okhttp3.Response response = call.execute();
        ResponseBody body = response.body();
        long length = body.contentLength();
        var answer = Response.builder()
                .status(response.code())
                .reason(response.message())
                .request(request)
                .headers(headers(response));
        if (length == 0) {
            // No body to read (a 204, a 202 without content): closing it now releases the connection.
            body.close();
            return answer.build();
        }
        return answer.body(body.byteStream(), length > 0 && length <= Integer.MAX_VALUE ? (int) length : null).build();
    }

    private static boolean timedOut(IOException failure, long deadlineNanos) {
        return failure instanceof InterruptedIOException || deadlineNanos - System.nanoTime() <= 0;
    }

    private okhttp3.Request toOkHttp(Request request, SendTracker tracker) {
        var builder = new okhttp3.Request.Builder().url(request.url()).tag(SendTracker.class, tracker);
        MediaType mediaType = null;
        boolean accept = false;
        boolean agent = false;
        for (Map.Entry<String, Collection<String>> header : request.headers().entrySet()) {
            String name = header.getKey();
            accept |= name.equalsIgnoreCase("Accept");
            agent |= name.equalsIgnoreCase("User-Agent");
            for (String value : header.getValue()) {
                if (name.equalsIgnoreCase("Content-Type")) {
                    mediaType = MediaType.parse(value);
                } else if (!name.equalsIgnoreCase("Content-Length")) {
                    builder.addHeader(name, value);
                }
            }
        }
        if (!accept) {
            builder.header("Accept", "application/json");
        }
        if (!agent) {
            builder.header("User-Agent", userAgent);
        }
        String method = request.httpMethod().name();
        byte[] body = request.body();
        if (body == null && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            body = new byte[0];
        }
        return builder.method(method, body == null ? null : RequestBody.create(body, mediaType)).build();
    }

    private static Map<String, Collection<String>> headers(okhttp3.Response response) {
        var headers = new LinkedHashMap<String, Collection<String>>();
        for (String name : response.headers().names()) {
            headers.put(name, List.copyOf(response.headers(name)));
        }
        return headers;
    }
}
