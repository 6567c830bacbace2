package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import feign.Client;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.Response;
import feign.Retryer;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP side of one adapter: one shared OkHttp client (through {@link #feignClient()}, Feign's
 * transport) and {@link #exchange}, which runs one request of the adapter's Feign interface and
 * turns whatever happens into a 2xx {@link ProviderAnswer} or a {@link ProviderFailure}.
 *
 * <p>Create one per adapter, in {@code CrmAdapterProvider.create}; it is thread-safe and serves every
 * account. Nothing about an account is kept here: headers that carry credentials are computed per
 * call by the adapter.
 */
public final class ProviderHttp {

    private final String provider;
    private final LeadIdFormat leadIdFormat;
    private final long connectTimeoutMillis;
    private final Client client;
    private final AnswerReader reader;

    /**
     * @param provider     the provider's name as people know it ({@code "Acme CRM"}), for failure messages
     * @param leadIdFormat the adapter's lead id format: an id that is not canonical in it never leaves
     * @param settings     connect timeout, {@code User-Agent} and body limit
     */
    public ProviderHttp(String provider, LeadIdFormat leadIdFormat, AdapterSettings settings) {
        this.provider = Objects.requireNonNull(provider, "provider");
        this.leadIdFormat = Objects.requireNonNull(leadIdFormat, "leadIdFormat");
        this.connectTimeoutMillis = settings.connectTimeout().toMillis();
        this.client = new SharedOkHttpClient(HttpClientSetup.client(settings.connectTimeout()), settings.userAgent());
        this.reader = new AnswerReader(settings.maxBodyBytes(), provider);
    }

    /**
     * Feign's transport for this adapter: {@code Feign.builder().client(http.feignClient())}. It adds
     * {@code Accept: application/json} and the {@code User-Agent} unless the request has its own, and
     * bounds each exchange by the deadline that {@link #exchange} puts into the call's options.
     */
    public Client feignClient() {
        return client;
    }

    /**
     * A Feign builder on {@link #feignClient()} with Feign's own retries off (retrying is the
     * caller's decision) and logging off (requests carry credentials: never {@code HEADERS} or
     * {@code FULL}). Add nothing that reads bodies: the interface's methods return {@link Response}.
     */
    public Feign.Builder feignBuilder() {
        return Feign.builder()
                .client(client)
                .retryer(Retryer.NEVER_RETRY)
                .logger(new Logger.NoOpLogger())
                .logLevel(Logger.Level.NONE);
    }

    /**
     * Runs one exchange about the call's lead.
     *
     * <ol>
     *   <li>The lead id must be canonical in the adapter's format, else {@link InvalidLeadIdException}
     *       before any I/O; it is then encoded as one path segment, the pass-through query as a
     *       query map, and the call's timeout becomes the whole exchange's deadline.</li>
     *   <li>{@code exchange} sends the request; a keep-alive race is resent once at once on a new
     *       connection, inside this step.</li>
     *   <li>The body is read up to the limit; a 3xx is a {@link ProviderContractBreach} (redirects are
     *       never followed); a 4xx or 5xx is what {@code errors} makes of it; a 2xx comes back, for the
     *       adapter to judge its body (a provider that reports failures inside a 200 is read there).</li>
     * </ol>
     *
     * @param what what the exchange does, for messages ({@code "the delete"}, {@code "the fetch"})
     * @throws ProviderFailure        what the exchange amounted to when it brought no 2xx
     * @throws InvalidLeadIdException when the id is not canonical in the adapter's format
     */
    public ProviderAnswer exchange(ProviderCall call, String what, ProviderExchange exchange, ErrorAnswerDecoder errors) {
        String id = call.leadId().value();
        if (!leadIdFormat.canonical(id).map(id::equals).orElse(false)) {
            throw new InvalidLeadIdException(leadIdFormat);
        }
        var request = new ProviderRequest(PercentEncoding.encode(id), PercentEncoding.query(call.remoteQuery()),
                options(call.timeout()));
        long started = System.nanoTime();
        ProviderAnswer answer;
        try (Response response = exchange.send(request)) {
            answer = reader.read(response);
        } catch (ProviderContractBreach breach) {
            answer = breach.providerAnswer();
            if (!isRedirect(answer.status())) {
                throw breach;
            }
        } catch (IOException e) {
            throw TransportFailures.classify(e, deadlinePast(started, call.timeout()), call.timeout(), provider, what);
        } catch (ProviderFailure e) {
            throw e;
        } catch (RuntimeException e) {
            // Feign wraps the transport's IOException (a RetryableException) before it reaches us.
            IOException io = ioCause(e);
            if (io == null) {
                throw e;
            }
            throw TransportFailures.classify(io, deadlinePast(started, call.timeout()), call.timeout(), provider, what);
        }
        return judge(answer, what, errors);
    }

    /**
     * Sends one request that is not about a lead (a token request) through the same client, under
     * the same deadline and sent / not-sent rule, and returns the answer whatever its status: the
     * caller judges it. A 3xx comes back too (never followed).
     *
     * @throws ProviderFailure a timeout or an unreachable endpoint, or a body over the limit
     */
    ProviderAnswer send(Request request, Duration timeout, String what) {
        long started = System.nanoTime();
        try (Response response = client.execute(request, options(timeout))) {
            return reader.read(response);
        } catch (IOException e) {
            throw TransportFailures.classify(e, deadlinePast(started, timeout), timeout, provider, what);
        }
    }

    String provider() {
        return provider;
    }

    /**
     * A body as the kit reads it into {@link ProviderAnswer#parsedBody()}: empty, JSON (one JSON value,
     * unless the {@code Content-Type} names another type) as plain Java values, else text.
     */
    public static RemoteBody parseBody(byte[] body, String contentType) {
        return AnswerReader.parse(body, contentType);
    }

    private ProviderAnswer judge(ProviderAnswer answer, String what, ErrorAnswerDecoder errors) {
        int status = answer.status();
        if (answer.isSuccess()) {
            return answer;
        }
        if (isRedirect(status)) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, answer,
                    provider + " answered " + what + " with a redirect (" + status + "), which is never followed");
        }
        if (status >= 400 && status < 600) {
            throw errors.decode(answer);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                provider + " answered " + what + " with status " + status + ", which is neither a success nor an error");
    }

    private static boolean isRedirect(int status) {
        return status >= 300 && status < 400;
    }

    /** The exchange's deadline rides in the read timeout; {@link SharedOkHttpClient} makes it the call's timeout. */
    private Request.Options options(Duration timeout) {
        long exchangeMillis = Math.max(1, Math.min(Integer.MAX_VALUE, ceilMillis(timeout)));
        long connectMillis = Math.max(1, Math.min(exchangeMillis, connectTimeoutMillis));
        return new Request.Options(connectMillis, TimeUnit.MILLISECONDS, exchangeMillis, TimeUnit.MILLISECONDS, false);
    }

    private static long ceilMillis(Duration duration) {
        long millis = duration.toMillis();
        return duration.minusMillis(millis).isZero() ? millis : millis + 1;
    }

    private static boolean deadlinePast(long startedNanos, Duration timeout) {
        return System.nanoTime() - startedNanos >= timeout.toNanos();
    }

    private static IOException ioCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
