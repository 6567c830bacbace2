package dev.unifiedcrm.domain.contract;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The behaviour every {@link CrmAdapterProvider} must show against a provider, whatever the CRM.
 * An adapter's test extends this class and supplies its provider's specifics; WireMock stands in
 * for the provider and every test checks what reached it, not only what came back.
 *
 * <p>The account under test points at WireMock through its {@code base_url}, below a root path
 * ({@link #API_ROOT}), so that adapters are seen to keep the root's path.
 */
public abstract class LeadDeletionPortContract {

    /** The path below WireMock's address that the test account's {@code base_url} points at. */
    protected static final String API_ROOT = "/api-root/v9";
    protected static final String USER_AGENT = "unified-crm/0.0.0-test";
    protected static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    @RegisterExtension
    protected final WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    protected CrmAdapter adapter;

    // ---- what each adapter's test supplies ----

    /** The provider under test, as {@code ServiceLoader} would create it. */
    protected abstract CrmAdapterProvider adapterProvider();

    /** A valid account of this integration whose {@code base_url} is {@code baseUrl}. */
    protected abstract IntegratedAccount account(URI baseUrl);

    /** A valid lead id in canonical form. */
    protected abstract LeadId leadId();

    /** The lead's path below the API root, for delete and fetch alike (for example {@code /Leads/42}). */
    protected abstract String leadPath(String encodedLeadId);

    /** The exact value of the {@link #authorizationHeader()} the account's credentials must produce. */
    protected abstract String expectedAuthorization();

    /** The header that carries the credentials: {@code Authorization} unless the provider wants its own. */
    protected String authorizationHeader() {
        return "Authorization";
    }

    /** The provider's documented success answer to a delete of {@code id}. */
    protected abstract ResponseDefinitionBuilder deleteSuccess(LeadId id);

    /** The provider's error answer with this status, carrying {@code message} where its body carries messages. */
    protected abstract ResponseDefinitionBuilder errorAnswer(int status, String message);

    /** The provider's success answer to a fetch of {@code id}. */
    protected abstract ResponseDefinitionBuilder fetchSuccess(LeadId id);

    /** Whether a delete's success body is part of the provider's contract (Pipeliner) or ignored. */
    protected abstract boolean judgesDeleteSuccessBody();

    // ---- what a provider that is not one REST resource per lead overrides ----

    /** The provider's delete request, to stub: by default {@code DELETE} on the lead's path. */
    protected MappingBuilder deleteRequest() {
        return delete(urlPathEqualTo(fullLeadPath()));
    }

    /** The provider's delete request, to count and verify: the same request as {@link #deleteRequest()}. */
    protected RequestPatternBuilder deleteRequested() {
        return deleteRequestedFor(urlPathEqualTo(fullLeadPath()));
    }

    /** The provider's fetch request, to stub: by default {@code GET} on the lead's path. */
    protected MappingBuilder fetchRequest() {
        return get(urlPathEqualTo(fullLeadPath()));
    }

    /** The provider's fetch request, to verify. */
    protected RequestPatternBuilder fetchRequested() {
        return getRequestedFor(urlPathEqualTo(fullLeadPath()));
    }

    /** The delete's HTTP/1.1 request line as a raw socket reads it. */
    protected String deleteRequestLine() {
        return "DELETE " + fullLeadPath() + " HTTP/1.1";
    }

    /**
     * The requests an adapter sends before its delete request (a check that the lead is one the
     * account may delete), each with the answer that lets the delete go on; none by default. The
     * contract's delete cases answer them so, then look at the delete request alone.
     */
    protected List<StepBeforeDelete> stepsBeforeDelete() {
        return List.of();
    }

    /**
     * A request sent before the delete: {@code method} on {@code path} (below WireMock's root, the
     * API root included) whose body contains {@code bodyContains}, and its answer. The answer is sent
     * with {@code Connection: close}, so that the delete comes on a connection of its own as it does
     * for providers without such a step.
     */
    public record StepBeforeDelete(String method, String path, String bodyContains, ResponseDefinitionBuilder answer) {

        MappingBuilder stub() {
            return request(method, urlPathEqualTo(path)).withRequestBody(containing(bodyContains))
                    .willReturn(answer.withHeader("Connection", "close"));
        }

        boolean matches(String requestLine, String body) {
            return requestLine.startsWith(method + " " + path + " ") || requestLine.startsWith(method + " " + path + "?")
                    ? body.contains(bodyContains) : false;
        }
    }

    // ---- set-up ----

    @BeforeEach
    void createAdapter() {
        adapter = adapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), USER_AGENT, AdapterSettings.ONE_MIB));
    }

    protected URI baseUrl() {
        return URI.create(provider.baseUrl() + API_ROOT);
    }

    protected ProviderCall call(List<QueryParameter> query, Duration timeout) {
        return new ProviderCall(account(baseUrl()), leadId(), query, timeout);
    }

    protected ProviderCall call() {
        return call(List.of(), TIMEOUT);
    }

    protected String fullLeadPath() {
        return API_ROOT + leadPath(leadId().value());
    }

    private void stubDelete(ResponseDefinitionBuilder answer) {
        stepsBeforeDelete().forEach(step -> provider.stubFor(step.stub()));
        provider.stubFor(deleteRequest().willReturn(answer));
    }

    private RawProvider rawProvider(RawProvider.Script script) throws IOException {
        return RawProvider.start(stepsBeforeDelete(), script);
    }

    // ---- success ----

    @Test
    void deletesWithOneRequestCarryingAuthAcceptAndUserAgent() {
        stubDelete(deleteSuccess(leadId()));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo(leadId().value());
        assertThat(deleted.answer().isSuccess()).isTrue();
        provider.verify(1, deleteRequested()
                .withHeader(authorizationHeader(), equalTo(expectedAuthorization()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(USER_AGENT)));
        assertThat(onlyDeleteRequest().getUrl()).isEqualTo(fullLeadPath());
    }

    @Test
    void passesTheProvidersAnswerOnWithItsHeaders() {
        stubDelete(deleteSuccess(leadId()).withHeader("X-RateLimit-Remaining", "41").withHeader("X-RateLimit-Limit", "1000"));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.answer().header("x-ratelimit-remaining")).contains("41");
        assertThat(deleted.answer().header("X-RateLimit-Limit")).contains("1000");
    }

    @Test
    void acceptsAnyTwoHundredWhenTheBodyIsNotJudged() {
        if (judgesDeleteSuccessBody()) {
            return;
        }
        stubDelete(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody("done"));

        DeletedLead deleted = adapter.deletion().delete(call());

        assertThat(deleted.id()).isEqualTo(leadId().value());
        assertThat(deleted.answer().status()).isEqualTo(200);
        assertThat(deleted.answer().parsedBody()).isEqualTo(new RemoteBody.Text("done"));
    }

    @Test
    void fetchesTheLeadWithOneAuthenticatedGet() {
        provider.stubFor(fetchRequest().willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        assertThat(fetched.lead().id()).isEqualTo(leadId().value());
        assertThat(fetched.lead().remoteData()).isInstanceOf(Map.class);
        provider.verify(1, fetchRequested()
                .withHeader(authorizationHeader(), equalTo(expectedAuthorization()))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(USER_AGENT)));
    }

    @Test
    void fetchOfAMissingLeadIsARejection() {
        provider.stubFor(fetchRequest().willReturn(errorAnswer(404, "Lead not found")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
    }

    // ---- provider errors ----

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429, 500, 502, 503})
    void rejectionsKeepTheStatusTheParsedBodyAndTheProvidersMessage(int status) {
        stubDelete(errorAnswer(status, "the provider says no (" + status + ")"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
        assertThat(rejection.providerMessage()).contains("the provider says no (" + status + ")");
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Json.class);
        provider.verify(1, deleteRequested());
    }

    @Test
    void aPlainTextErrorBodyIsKeptAsText() {
        stubDelete(aResponse().withStatus(500).withHeader("Content-Type", "text/plain").withBody("upstream exploded"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(500);
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("upstream exploded"));
    }

    @Test
    void aRetryAfterHeaderOnA429IsKept() {
        stubDelete(errorAnswer(429, "slow down").withHeader("Retry-After", "3"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("retry-after")).contains("3");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1", "99999999999"})
    void aRetryAfterOnA503IsLeftToTheCallerAndKept(String retryAfter) {
        // Some HTTP clients act on a 503's Retry-After by themselves (OkHttp resends at once on "0").
        stubDelete(errorAnswer(503, "later").withHeader("Retry-After", retryAfter));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(503);
        assertThat(rejection.providerAnswer().header("retry-after")).contains(retryAfter);
        provider.verify(1, deleteRequested());
    }

    // ---- contract breaches ----

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void redirectsAreNeverFollowed(int status) {
        stubDelete(aResponse().withStatus(status).withHeader("Location", provider.baseUrl() + "/elsewhere"));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.status()).isEqualTo(status);
        assertThat(provider.findAll(deleteRequested())).hasSize(1);
        assertThat(provider.getAllServeEvents()).hasSize(stepsBeforeDelete().size() + 1);
    }

    @Test
    void aSuccessBodyOverTheLimitIsABreachNotACrash() {
        stubDelete(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[" + "1,".repeat(AdapterSettings.ONE_MIB) + "1]"));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.status()).isEqualTo(200);
    }

    @Test
    void anErrorBodyOverTheLimitIsABreachNotACrash() {
        stubDelete(aResponse().withStatus(400).withBody("x".repeat(AdapterSettings.ONE_MIB + 1)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.status()).isEqualTo(400);
    }

    @Test
    void aBodyOfExactlyTheLimitIsRead() {
        stubDelete(aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
                .withBody("x".repeat(AdapterSettings.ONE_MIB)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerAnswer().body()).hasSize(AdapterSettings.ONE_MIB);
    }

    @Test
    void aMalformedSuccessBodyIsABreachOnlyWhereTheBodyIsJudged() {
        stubDelete(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{not json"));

        if (judgesDeleteSuccessBody()) {
            ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));
            assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
            assertThat(breach.providerAnswer().body()).isEqualTo("{not json".getBytes(StandardCharsets.UTF_8));
        } else {
            assertThat(adapter.deletion().delete(call()).id()).isEqualTo(leadId().value());
        }
    }

    @Test
    void aFetchAnswerThatIsNotALeadIsABreach() {
        provider.stubFor(fetchRequest().willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("[1,2,3]")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
    }

    // ---- no answer ----

    @Test
    void slowHeadersTimeOutWithinTheExchangeTimeout() {
        stubDelete(deleteSuccess(leadId()).withFixedDelay(3_000));

        long started = System.nanoTime();
        ProviderTimeout timeout = catchThrowableOfType(ProviderTimeout.class,
                () -> adapter.deletion().delete(call(List.of(), SHORT_TIMEOUT)));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));
        assertThat(timeout.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(provider.findAll(deleteRequested())).hasSize(1);
        assertThat(provider.getAllServeEvents()).hasSize(stepsBeforeDelete().size() + 1);
    }

    @Test
    void aTricklingBodyIsBoundedByTheWholeExchangeDeadlineNotByEachRead() throws IOException {
        // WireMock buffers its "dribbled" chunks, so a raw socket sends one byte every 100 ms: each read
        // succeeds well within any per-read timeout; only a deadline over the whole exchange stops it.
        try (RawProvider raw = rawProvider((connection, socket, self) -> {
            if (self.readRequest(connection, socket) == null) {
                return;
            }
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 100; i++) {
                Thread.sleep(100);
                out.write('x');
                out.flush();
            }
        })) {
            var account = account(raw.baseUrl("http", API_ROOT));

            long started = System.nanoTime();
            ProviderTimeout timeout = catchThrowableOfType(ProviderTimeout.class, () -> adapter.deletion().delete(
                    new ProviderCall(account, leadId(), List.of(), Duration.ofMillis(1_000))));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
            assertThat(timeout.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECTION_RESET_BY_PEER", "EMPTY_RESPONSE", "RANDOM_DATA_THEN_CLOSE"})
    void aConnectionBrokenAfterSendingMayHaveDeliveredAndIsNotResent(String fault) {
        stubDelete(aResponse().withFault(Fault.valueOf(fault)));

        ProviderFailure failure = catchThrowableOfType(ProviderFailure.class, () -> adapter.deletion().delete(call()));

        assertThat(failure).isInstanceOfAny(ProviderUnreachable.class, ProviderContractBreach.class);
        if (failure instanceof ProviderUnreachable) {
            assertThat(failure.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
        }
        provider.verify(1, deleteRequested());
    }

    @Test
    void aRefusedConnectionWasNotSent() throws IOException {
        // Breaks when a failure before any request byte counts as maybe-sent (make SendTracker.delivery
        // ignore requestWritten): a refused connection would then settle a later 404 as already deleted.
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var account = account(URI.create("http://127.0.0.1:" + closedPort + API_ROOT));

        ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class,
                () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
    }

    // ---- was it sent? (each case names the rule it guards and how to break that rule on purpose) ----

    @Test
    void aConnectionResetAfterTheRequestWasWrittenOnAFreshConnectionMayHaveDelivered() throws Exception {
        // Breaks when every failure before an answer counts as the keep-alive race (drop the pooled-connection
        // condition of SendTracker.keepAliveRace in the kit): the delete is then called not sent and resent.
        try (RawProvider raw = rawProvider((connection, socket, self) -> {
            if (self.readRequest(connection, socket) == null) {
                return;
            }
            socket.setSoLinger(true, 0);
            socket.close();
        })) {
            var account = account(raw.baseUrl("http", API_ROOT));

            ProviderUnreachable failure = catchThrowableOfType(ProviderUnreachable.class,
                    () -> adapter.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

            assertThat(failure.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
            assertThat(raw.requestsPerConnection()).as("requests per connection")
                    .containsExactly(List.of(deleteRequestLine()));
        }
    }

    @Test
    void aPooledConnectionTheServerClosedSilentlyIsTheKeepAliveRaceAndTheAnswerIsTheRealOne() throws Exception {
        // Breaks when the race counts as maybe-sent (make SendTracker.keepAliveRace return false): the second
        // delete then fails as "may have reached it" and a later 404 would settle as a false already_deleted.
        var firstConnectionClosed = new CountDownLatch(1);
        var deletesAnswered = new java.util.concurrent.atomic.AtomicInteger();
        try (RawProvider raw = rawProvider((connection, socket, self) -> {
            if (self.readRequest(connection, socket) == null) {
                return;
            }
            if (deletesAnswered.getAndIncrement() == 0) {
                RawProvider.answer(socket.getOutputStream(), "HTTP/1.1", deleteSuccess(leadId()));
                socket.close();
                firstConnectionClosed.countDown();
            } else {
                RawProvider.answer(socket.getOutputStream(), "HTTP/1.1", errorAnswer(404, "no such lead"));
            }
        })) {
            var call = new ProviderCall(account(raw.baseUrl("http", API_ROOT)), leadId(), List.of(), TIMEOUT);
            adapter.deletion().delete(call);
            assertThat(firstConnectionClosed.await(5, TimeUnit.SECONDS)).isTrue();

            ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call));

            assertThat(rejection.status()).isEqualTo(404);
            assertThat(rejection.delivery()).isEqualTo(Delivery.ANSWERED);
            String requestLine = deleteRequestLine();
            assertThat(raw.requestsPerConnection()).as("requests per connection")
                    .containsExactly(List.of(requestLine), List.of(requestLine));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/1.0", "HTTP/1.1 Connection: close"})
    void aProviderThatClosesAfterEachAnswerNeverHasItsConnectionReused(String protocolAndHeader) throws Exception {
        // Breaks for HTTP/1.0 when the kit stops retiring such connections (remove the network interceptor
        // HttpClientSetup.noReuseWhenTheServerCloses): the second delete then goes out on the first connection.
        String protocol = protocolAndHeader.split(" ", 2)[0];
        String[] extraHeaders = protocolAndHeader.contains(" ") ? new String[] {protocolAndHeader.split(" ", 2)[1]} : new String[0];
        try (RawProvider raw = rawProvider((connection, socket, self) -> {
            // The socket stays open: a client that reuses it is seen sending a second request on it.
            while (self.readRequest(connection, socket) != null) {
                RawProvider.answer(socket.getOutputStream(), protocol, deleteSuccess(leadId()), extraHeaders);
            }
        })) {
            var call = new ProviderCall(account(raw.baseUrl("http", API_ROOT)), leadId(), List.of(), TIMEOUT);

            adapter.deletion().delete(call);
            adapter.deletion().delete(call);

            String requestLine = deleteRequestLine();
            assertThat(raw.requestsPerConnection()).as("requests per connection")
                    .containsExactly(List.of(requestLine), List.of(requestLine));
        }
    }

    @Test
    void aTlsFailureAfterTheRequestWasWrittenMayHaveDelivered(@TempDir Path keys) throws Exception {
        // Breaks when TLS failures count as not sent whatever happened before (classify SSLException as
        // NOT_SENT in the kit's TransportFailures, as one adapter once did).
        char[] password = "contract".toCharArray();
        Path keyStore = selfSignedKeyStoreFor127001(keys, password);
        var store = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keyStore)) {
            store.load(in, password);
        }
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(store, password);
        var tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);

        try (RawProvider raw = rawProvider((connection, socket, self) -> {
            var secure = (SSLSocket) tls.getSocketFactory().createSocket(socket, "127.0.0.1", socket.getPort(), false);
            secure.setUseClientMode(false);
            secure.startHandshake();
            if (self.readRequest(connection, secure) == null) {
                return;
            }
            // An application-data record the session's keys did not seal: the client's TLS layer fails
            // (bad record MAC) while it reads the answer.
            byte[] forged = new byte[5 + 48];
            forged[0] = 0x17;
            forged[1] = 0x03;
            forged[2] = 0x03;
            forged[4] = 48;
            java.util.Arrays.fill(forged, 5, forged.length, (byte) 0x5a);
            socket.getOutputStream().write(forged);
            socket.getOutputStream().flush();
            Thread.sleep(500);
        })) {
            CrmAdapter trusting = withTrustStore(keyStore, password,
                    () -> adapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), USER_AGENT, AdapterSettings.ONE_MIB)));
            var account = account(raw.baseUrl("https", API_ROOT));

            ProviderFailure failure = catchThrowableOfType(ProviderFailure.class,
                    () -> trusting.deletion().delete(new ProviderCall(account, leadId(), List.of(), TIMEOUT)));

            assertThat(failure).isInstanceOf(ProviderUnreachable.class);
            assertThat(failure.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
            assertThat(raw.requestsPerConnection()).as("requests per connection")
                    .containsExactly(List.of(deleteRequestLine()));
        }
    }

    /** A PKCS12 key store with one self-signed EC key for 127.0.0.1, made by the JDK's keytool. */
    private static Path selfSignedKeyStoreFor127001(Path dir, char[] password) throws IOException, InterruptedException {
        Path keyStore = dir.resolve("provider.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "provider", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", new String(password), "-keypass", new String(password))
                .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
        assertThat(keytool.waitFor()).as("keytool exit code, see " + dir.resolve("keytool.log")).isZero();
        return keyStore;
    }

    /**
     * Builds something while the JDK's default trust store is {@code keyStore}: adapters take the
     * platform's trust when they create their HTTP client, and this is the one way in from outside.
     */
    private static <T> T withTrustStore(Path keyStore, char[] password, java.util.function.Supplier<T> build) {
        String[] names = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword", "javax.net.ssl.trustStoreType"};
        String[] before = new String[names.length];
        for (int i = 0; i < names.length; i++) {
            before[i] = System.getProperty(names[i]);
        }
        System.setProperty(names[0], keyStore.toString());
        System.setProperty(names[1], new String(password));
        System.setProperty(names[2], "PKCS12");
        try {
            return build.get();
        } finally {
            for (int i = 0; i < names.length; i++) {
                if (before[i] == null) {
                    System.clearProperty(names[i]);
                } else {
                    System.setProperty(names[i], before[i]);
                }
            }
        }
    }

    @Test
    void aServerErrorIsNotRetriedByTheHttpClient() {
        stubDelete(errorAnswer(503, "try later"));

        catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        provider.verify(1, deleteRequested());
    }

    // ---- what reaches the provider ----

    /** A format that takes any text but the dot segments: how a caller could hold an id of another integration's format. */
    private static final LeadIdFormat ANY_TEXT = LeadIdFormat.matching("(?s).+", "any text");

    @ParameterizedTest
    @ValueSource(strings = {"a/b", "..%2F..%2Fadmin", "%2e%2e", "%2E", ".%2e", "x?y=1", "x#frag", "with space", "50%",
            "a;b", "ü", " ", "%20", "\t", "\u200b", "\u0000", "8C4D1F7E-3B2A-4D9E-9F10-2A6B5C7D8E90"})
    void aHostileIdIsRefusedBeforeAnyIoOrStaysOneCanonicalEncodedPathSegment(String hostileId) {
        // Breaks when the kit stops refusing ids that are not canonical in the adapter's format
        // (ProviderHttp.exchange), or stops encoding '/', '?', '#' or '%' (PercentEncoding).
        provider.stubFor(any(anyUrl()).willReturn(deleteSuccess(leadId())));
        LeadId id = LeadId.parse(hostileId, ANY_TEXT);

        Throwable refused = catchThrowable(() ->
                adapter.deletion().delete(new ProviderCall(account(baseUrl()), id, List.of(), TIMEOUT)));

        if (refused != null) {
            assertThat(refused).isInstanceOf(InvalidLeadIdException.class)
                    .hasMessageContaining(adapterProvider().leadIdFormat().description());
            assertThat(provider.getAllServeEvents()).as("requests that reached the provider").isEmpty();
            return;
        }
        assertThat(adapterProvider().leadIdFormat().canonical(hostileId)).as("an id that was sent").contains(hostileId);
        LoggedRequest request = onlyRequest();
        String rawPath = URI.create(request.getUrl()).getRawPath();
        String expectedPrefix = API_ROOT + leadPath("");
        assertThat(rawPath).startsWith(expectedPrefix);
        String segment = rawPath.substring(expectedPrefix.length());
        assertThat(segment).doesNotContain("/", "?", "#", " ").isNotIn(".", "..", "");
        assertThat(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(hostileId);
        assertThat(URI.create(request.getUrl()).getRawQuery()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", ""})
    void dotSegmentsAndTheEmptyIdCanNeverBecomeALeadId(String id) {
        // Breaks when LeadId.parse lets a dot segment through: OkHttp resolves "." and ".." even encoded as
        // the only character of a segment, so a DELETE would reach the collection above the lead.
        assertThatThrownBy(() -> LeadId.parse(id, adapterProvider().leadIdFormat())).isInstanceOf(InvalidLeadIdException.class);
        assertThatThrownBy(() -> LeadId.parse(id, ANY_TEXT)).isInstanceOf(InvalidLeadIdException.class);
    }

    @Test
    void remoteQueryArrivesIntactInOrderWithRepeats() {
        stubDelete(deleteSuccess(leadId()));
        List<QueryParameter> query = List.of(
                new QueryParameter("validation-level", "2"),
                new QueryParameter("a[b]", "c"),
                new QueryParameter("amp&ersand", "x=y&z"),
                new QueryParameter("brace", "{id}"),
                new QueryParameter("space name", "two words + plus"),
                new QueryParameter("percent", "100%25 sure %"),
                new QueryParameter("unicode", "résumé ✓"),
                new QueryParameter("repeat", "1"),
                new QueryParameter("repeat", "2"),
                new QueryParameter("empty", ""));

        adapter.deletion().delete(call(query, TIMEOUT));

        LoggedRequest request = onlyDeleteRequest();
        assertThat(URI.create(request.getUrl()).getRawPath()).isEqualTo(fullLeadPath());
        assertThat(decodeForm(URI.create(request.getUrl()).getRawQuery())).containsExactlyElementsOf(query);
    }

    @Test
    void noQueryStringWhenThereIsNoRemoteQuery() {
        stubDelete(deleteSuccess(leadId()));

        adapter.deletion().delete(call());

        assertThat(URI.create(onlyDeleteRequest().getUrl()).getRawQuery()).isNull();
    }

    @Test
    void theAccountIsCheckedByItsProvider() {
        adapterProvider().checkAccount(account(baseUrl()));
    }

    @Test
    void credentialsNeverAppearInFailureMessages() {
        stubDelete(errorAnswer(401, "bad credentials"));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        var account = account(baseUrl());
        for (String name : account.credentials().names()) {
            String secret = account.credentials().require(name);
            assertThat(rejection.getMessage()).doesNotContain(secret);
            assertThat(String.valueOf(rejection)).doesNotContain(secret);
        }
        assertThat(account.toString()).doesNotContain(account.credentials().find("password").orElse("\u0000never"));
    }

    // ---- helpers for subclasses ----

    /** The one delete request that reached the provider (steps before it left out). */
    protected LoggedRequest onlyDeleteRequest() {
        List<LoggedRequest> deletes = provider.findAll(deleteRequested());
        assertThat(deletes).as("delete requests that reached the provider").hasSize(1);
        return deletes.get(0);
    }

    protected LoggedRequest onlyRequest() {
        var events = provider.getAllServeEvents();
        assertThat(events).as("requests that reached the provider").hasSize(1);
        return events.get(0).getRequest();
    }

    /** Decodes a raw query as application/x-www-form-urlencoded, keeping order and repeats. */
    protected static List<QueryParameter> decodeForm(String rawQuery) {
        var pairs = new ArrayList<QueryParameter>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return pairs;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new QueryParameter(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return pairs;
    }
}
