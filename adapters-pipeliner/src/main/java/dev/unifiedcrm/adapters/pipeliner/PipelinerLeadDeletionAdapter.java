package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import feign.Feign;
import feign.FeignException;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Deletes and fetches Pipeliner leads ({@code DELETE} / {@code GET {root}/entities/Leads/{id}}) for
 * every Pipeliner account: the account, its API root and credentials come with each call. One
 * exchange per call; retrying is the caller's decision, so neither Feign nor OkHttp ever resends.
 * Thread-safe.
 */
final class PipelinerLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final int maxBodyBytes;
    private final Duration connectTimeout;
    private final PipelinerClient client;
    private final PipelinerJson json = new PipelinerJson();
    private final PipelinerErrorDecoder errorDecoder = new PipelinerErrorDecoder();
    private final PipelinerLeadMapper mapper = PipelinerLeadMapper.INSTANCE;

    PipelinerLeadDeletionAdapter(AdapterSettings settings) {
        this.maxBodyBytes = settings.maxBodyBytes();
        this.connectTimeout = settings.connectTimeout();
        String userAgent = settings.userAgent();
        OkHttpClient http = RetryAfterShield.install(new OkHttpClient.Builder())
                .retryOnConnectionFailure(false)
                // OkHttp keeps 5 idle connections by default: under concurrent deletes about one call in
                // twelve opened a new one (docs/performance.md). Keep as many as the expected concurrency.
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout())
                // Fixed headers are set here rather than through Feign, whose header templates read '{' as an expression.
                .addInterceptor(chain -> chain.proceed(chain.request().newBuilder()
                        .header("Accept", "application/json")
                        .header("User-Agent", userAgent)
                        .build()))
                .build();
        this.client = Feign.builder()
                .client(new PerCallTimeoutClient(http))
                .retryer(Retryer.NEVER_RETRY)
                .logLevel(Logger.Level.NONE)
                .options(new Request.Options(settings.connectTimeout(), settings.connectTimeout(), false))
                .target(Target.EmptyTarget.create(PipelinerClient.class));
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        Map<String, Object> query = encodedQuery(call.remoteQuery());
        ProviderAnswer answer = exchange(call, (root, id, headers, options) -> client.deleteLead(root, id, query, headers, options));
        if (answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> envelope
                && Boolean.TRUE.equals(envelope.get("success"))
                && envelope.get("data") instanceof String data
                && !data.isEmpty()) {
            return mapper.toDeletedLead(json.deleteAnswer(envelope), answer);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Pipeliner answered " + answer.status() + " to the delete without confirming it: "
                        + describeUnexpected(answer) + ", where {\"success\": true, \"data\": \"<lead id>\"} was expected");
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        // remote_query is for the delete only: the fetch sends none.
        return fetchedLead(exchange(call, (root, id, headers, options) -> client.fetchLead(root, id, headers, options)));
    }

    /** Pipeliner's 2xx answer to a fetch, {@code {"success": true, "data": {...}}}, as the unified lead. */
    FetchedLead fetchedLead(ProviderAnswer answer) {
        if (answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> envelope
                && Boolean.TRUE.equals(envelope.get("success"))
                && envelope.get("data") instanceof Map<?, ?> data) {
            @SuppressWarnings("unchecked") // JSON object keys are strings
            Map<String, Object> lead = (Map<String, Object>) data;
            try {
                PipelinerLeadDto dto = json.lead(lead);
                if (dto.id() == null || dto.id().isEmpty()) {
                    throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                            "Pipeliner answered " + answer.status() + " to the fetch with a lead that has no id");
                }
                return new FetchedLead(mapper.toLead(dto, lead), answer);
            } catch (IllegalArgumentException | DateTimeException unreadable) {
                throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                        "Pipeliner answered " + answer.status() + " to the fetch with a lead it could not be read from"
                                + " (a field of an unexpected type or a date-time in an unknown form)");
            }
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Pipeliner answered " + answer.status() + " to the fetch without a lead: " + describeUnexpected(answer)
                        + ", where {\"success\": true, \"data\": {...}} was expected");
    }

    @FunctionalInterface
    private interface Exchange {
        Response send(URI apiRoot, String encodedId, Map<String, Object> headers, Request.Options options);
    }

    /** One exchange: a 2xx answer comes back, anything else is thrown as the matching {@link ProviderFailure}. */
    private ProviderAnswer exchange(ProviderCall call, Exchange exchange) {
        URI apiRoot = PipelinerAccounts.apiRoot(call.account());
        String encodedId = PercentEncoder.encode(call.leadId().value());
        ProviderAnswer answer;
        try (Response response = exchange.send(apiRoot, encodedId, authorization(call.account()), options(call.timeout()))) {
            answer = read(response);
        } catch (IOException e) {
            throw failureOf(e);
        } catch (FeignException e) {
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw failureOf(io);
        }
        if (answer.status() >= 300 && answer.status() < 400) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                    "Pipeliner answered with a redirect (" + answer.status() + "); redirects are never followed");
        }
        if (answer.status() >= 400) {
            throw errorDecoder.decode(answer);
        }
        if (!answer.isSuccess()) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Pipeliner answered with an unexpected status " + answer.status());
        }
        return answer;
    }

    /** Reads status, headers and at most {@code maxBodyBytes} of the body. */
    private ProviderAnswer read(Response response) throws IOException {
        int status = response.status();
        var headers = new LinkedHashMap<String, List<String>>();
        response.headers().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        String contentType = firstValue(response.headers(), "content-type");
        Response.Body body = response.body();
        if (body == null) {
            return new ProviderAnswer(status, headers, contentType, new byte[0], RemoteBody.empty());
        }
        Integer declaredLength = body.length();
        if (declaredLength != null && declaredLength > maxBodyBytes) {
            throw tooLarge(status, headers, contentType);
        }
        byte[] bytes;
        try (InputStream in = body.asInputStream()) {
            bytes = in.readNBytes(maxBodyBytes == Integer.MAX_VALUE ? maxBodyBytes : maxBodyBytes + 1);
        }
        if (bytes.length > maxBodyBytes) {
            throw tooLarge(status, headers, contentType);
        }
        return new ProviderAnswer(status, headers, contentType, bytes, json.parse(bytes, contentType));
    }

    private ProviderContractBreach tooLarge(int status, Map<String, List<String>> headers, String contentType) {
        var answer = new ProviderAnswer(status, headers, contentType, new byte[0], RemoteBody.empty());
        return new ProviderContractBreach(ProviderContractBreach.Kind.BODY_TOO_LARGE, answer,
                "Pipeliner answered " + status + " with a body over " + maxBodyBytes + " bytes; it was not read");
    }

    private static String firstValue(Map<String, Collection<String>> headers, String name) {
        for (var header : headers.entrySet()) {
            if (header.getKey() != null && header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().iterator().next();
            }
        }
        return null;
    }

    private static String describeUnexpected(ProviderAnswer answer) {
        RemoteBody body = answer.parsedBody();
        if (body instanceof RemoteBody.Empty) {
            return "no body";
        }
        if (body instanceof RemoteBody.Text) {
            return "a body that is not JSON";
        }
        if (body instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> envelope
                && Boolean.FALSE.equals(envelope.get("success"))) {
            return envelope.get("message") instanceof String message && !message.isBlank()
                    ? "\"success\": false (" + message + ")"
                    : "\"success\": false";
        }
        return "JSON of another shape";
    }

    /** HTTP Basic with the API application's user name and password. */
    private static Map<String, Object> authorization(IntegratedAccount account) {
        String pair = account.credentials().require(PipelinerAccounts.USERNAME) + ":"
                + account.credentials().require(PipelinerAccounts.PASSWORD);
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    /** The call's bound is carried as the read timeout; {@link PerCallTimeoutClient} makes it the call timeout. */
    private Request.Options options(Duration timeout) {
        long exchangeMillis = clampMillis(timeout);
        long connectMillis = Math.min(clampMillis(connectTimeout), exchangeMillis);
        return new Request.Options(connectMillis, TimeUnit.MILLISECONDS, exchangeMillis, TimeUnit.MILLISECONDS, false);
    }

    private static long clampMillis(Duration duration) {
        // OkHttp reads 0 as "no timeout" and accepts at most Integer.MAX_VALUE milliseconds.
        if (duration.compareTo(Duration.ofMillis(Integer.MAX_VALUE)) > 0) {
            return Integer.MAX_VALUE;
        }
        return Math.max(1, duration.toMillis());
    }

    /** Pass-through query parameters, names and values percent-encoded, repeats kept in order. */
    static Map<String, Object> encodedQuery(List<QueryParameter> query) {
        var encoded = new LinkedHashMap<String, Object>();
        for (QueryParameter parameter : query) {
            @SuppressWarnings("unchecked")
            var values = (List<String>) encoded.computeIfAbsent(PercentEncoder.encode(parameter.name()), name -> new ArrayList<String>());
            values.add(PercentEncoder.encode(parameter.value()));
        }
        return encoded;
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    /** What an I/O failure says about delivery: nothing was sent when no connection could be opened. */
    static ProviderFailure failureOf(IOException e) {
        if (e instanceof SocketTimeoutException && e.getMessage() != null
                && e.getMessage().toLowerCase(Locale.ROOT).contains("connect")) {
            return new ProviderTimeout("Pipeliner could not be reached: opening the connection timed out",
                    Delivery.NOT_SENT, e);
        }
        if (e instanceof InterruptedIOException) {
            return new ProviderTimeout("Pipeliner gave no complete answer within the time allowed for the exchange",
                    Delivery.MAYBE_DELIVERED, e);
        }
        if (e instanceof UnknownHostException) {
            return new ProviderUnreachable("Pipeliner could not be reached: its host name is unknown", Delivery.NOT_SENT, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new ProviderUnreachable("Pipeliner could not be reached: the connection was refused or has no route",
                    Delivery.NOT_SENT, e);
        }
        if (e instanceof SSLHandshakeException || e instanceof SSLPeerUnverifiedException) {
            return new ProviderUnreachable("Pipeliner could not be reached: the secure connection could not be established",
                    Delivery.NOT_SENT, e);
        }
        return new ProviderUnreachable("the connection to Pipeliner broke before a complete answer came",
                Delivery.MAYBE_DELIVERED, e);
    }
}
