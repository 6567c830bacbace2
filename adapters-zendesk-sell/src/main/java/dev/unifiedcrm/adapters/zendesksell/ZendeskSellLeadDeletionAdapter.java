package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
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
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Deletes and fetches Sell leads: {@code DELETE {root}/leads/{id}} and {@code GET {root}/leads/{id}}
 * with {@code Authorization: Bearer <access_token>}. One exchange per call, never resent, never
 * redirected. Thread-safe: one instance serves every account (each {@link ProviderCall} brings its
 * account, API root and token).
 *
 * <p>Any 2xx to a delete is success (Sell documents 204 without a body; a body is kept but not
 * judged) and the deleted id is the id sent.
 */
final class ZendeskSellLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ZendeskSellClient client;
    private final AdapterSettings settings;
    private final ProviderAnswerReader reader;
    private final ZendeskSellErrorDecoder errors = new ZendeskSellErrorDecoder();
    private final ZendeskSellLeadDecoder leads;

    ZendeskSellLeadDeletionAdapter(AdapterSettings settings) {
        this.settings = settings;
        ObjectMapper json = ProviderAnswerReader.newObjectMapper();
        this.reader = new ProviderAnswerReader(json, settings.maxBodyBytes());
        this.leads = new ZendeskSellLeadDecoder(json, new ZendeskSellLeadMapperImpl());
        okhttp3.OkHttpClient http = RetryAfterShield.install(new okhttp3.OkHttpClient.Builder())
                // Retries are the application's decision, made knowing whether a delete may have landed.
                .retryOnConnectionFailure(false)
                // OkHttp keeps 5 idle connections by default: under concurrent deletes about one call in
                // twelve opened a new one (docs/performance.md). Keep as many as the expected concurrency.
                .connectionPool(new okhttp3.ConnectionPool(64, 5, TimeUnit.MINUTES))
                .followRedirects(false)
                .followSslRedirects(false)
                .connectTimeout(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        this.client = Feign.builder()
                .client(new CallTimeoutClient(http))
                .retryer(Retryer.NEVER_RETRY)
                // Never HEADERS or FULL: they would log the bearer token.
                .logLevel(Logger.Level.NONE)
                // No dismiss404(): methods return the raw Response and a 404 is judged here.
                .target(Target.EmptyTarget.create(ZendeskSellClient.class));
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = exchange(call, "delete", options -> client.deleteLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), encodeSegment(call.leadId().value()),
                headers(call), encodeQuery(call.remoteQuery()), options));
        // Sell answers 204 with no body; any 2xx means the lead is gone, whatever the body says.
        return new DeletedLead(call.leadId().value(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = exchange(call, "fetch", options -> client.getLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), encodeSegment(call.leadId().value()),
                headers(call), options));
        return new FetchedLead(leads.decode(answer), answer);
    }

    /** One exchange: the answer when 2xx, else the failure it amounts to. */
    private ProviderAnswer exchange(ProviderCall call, String action, Function<Request.Options, Response> send) {
        String host = ZendeskSellAdapterProvider.apiRoot(call.account()).getHost();
        ProviderAnswer answer;
        try (Response response = send.apply(options(call.timeout()))) {
            answer = reader.read(response);
        } catch (ProviderContractBreach tooLarge) {
            answer = tooLarge.providerAnswer();
            if (!isRedirect(answer)) {
                throw tooLarge;
            }
        } catch (ProviderFailure failure) {
            throw failure;
        } catch (IOException | RuntimeException e) {
            throw classify(e, action, host, call.timeout());
        }
        if (isRedirect(answer)) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                    "Zendesk Sell answered the " + action + " with a redirect (" + answer.status()
                            + "); redirects are never followed");
        }
        if (answer.status() >= 400) {
            throw errors.decode(answer);
        }
        if (!answer.isSuccess()) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Zendesk Sell answered the " + action + " with an unexpected status " + answer.status());
        }
        return answer;
    }

    private static boolean isRedirect(ProviderAnswer answer) {
        return answer.status() >= 300 && answer.status() < 400;
    }

    /**
     * What an exception during the exchange means. Feign wraps I/O errors (in a RetryableException
     * while sending, a FeignException while it buffers a small body), so the cause chain decides.
     * Only our own words reach the message: Feign's messages hold the request URL.
     */
    static RuntimeException classify(Exception thrown, String action, String host, Duration timeout) {
        IOException io = ioCause(thrown);
        if (io == null) {
            return (RuntimeException) thrown;
        }
        String where = "Zendesk Sell (" + host + ")";
        if (io instanceof SocketTimeoutException && isConnectTimeout(io)) {
            return new ProviderTimeout("could not connect to " + where + " in time; the " + action + " was not sent",
                    Delivery.NOT_SENT, io);
        }
        if (io instanceof InterruptedIOException) {
            return new ProviderTimeout(where + " gave no complete answer to the " + action + " within "
                    + timeout.toMillis() + " ms; it may have been carried out", Delivery.MAYBE_DELIVERED, io);
        }
        if (io instanceof ConnectException || io instanceof NoRouteToHostException) {
            return new ProviderUnreachable("could not connect to " + where + "; the " + action + " was not sent",
                    Delivery.NOT_SENT, io);
        }
        if (io instanceof UnknownHostException) {
            return new ProviderUnreachable("the host of " + where + " is unknown; the " + action + " was not sent",
                    Delivery.NOT_SENT, io);
        }
        if (io instanceof SSLException) {
            return new ProviderUnreachable("no secure connection to " + where + " could be set up; the " + action
                    + " was not sent", Delivery.NOT_SENT, io);
        }
        return new ProviderUnreachable("the connection to " + where + " broke before a complete answer to the "
                + action + "; it may have been carried out", Delivery.MAYBE_DELIVERED, io);
    }

    private static IOException ioCause(Throwable thrown) {
        // The outermost I/O error: OkHttp's call timeout is an InterruptedIOException("timeout")
        // whose own cause is the socket it closed; Feign's wrappers are no IOExceptions.
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static boolean isConnectTimeout(IOException io) {
        String message = io.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains("connect");
    }

    private Request.Options options(Duration timeout) {
        long exchangeMillis = Math.max(1, Math.min(Integer.MAX_VALUE, ceilMillis(timeout)));
        long connectMillis = Math.max(1, Math.min(exchangeMillis, settings.connectTimeout().toMillis()));
        // The read timeout carries the exchange deadline to CallTimeoutClient, which makes it the call timeout.
        return new Request.Options(connectMillis, TimeUnit.MILLISECONDS, exchangeMillis, TimeUnit.MILLISECONDS, false);
    }

    private static long ceilMillis(Duration duration) {
        long millis = duration.toMillis();
        return duration.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    private Map<String, Object> headers(ProviderCall call) {
        var headers = new LinkedHashMap<String, Object>();
        headers.put("Authorization", "Bearer " + call.account().credentials().require(ZendeskSellAdapterProvider.ACCESS_TOKEN));
        headers.put("Accept", "application/json");
        // Sell refuses requests without a User-Agent (400 invalid_user_agent).
        headers.put("User-Agent", settings.userAgent());
        return headers;
    }

    /** Names and values percent-encoded; a repeated name becomes one list, its values in order. */
    static Map<String, Object> encodeQuery(List<QueryParameter> query) {
        var encoded = new LinkedHashMap<String, Object>();
        for (QueryParameter parameter : query) {
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) encoded.computeIfAbsent(encode(parameter.name()), name -> new ArrayList<String>());
            values.add(encode(parameter.value()));
        }
        return encoded;
    }

    /** The id as exactly one path segment: {@code /}, {@code ?}, {@code #} and {@code %} are escaped too. */
    static String encodeSegment(String id) {
        return encode(id);
    }

    /** UTF-8 percent-encoding of everything but RFC 3986's unreserved characters. */
    static String encode(String text) {
        var out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
