package dev.unifiedcrm.provider.http;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The kit as an adapter uses it: a Feign interface on {@link ProviderHttp}, against WireMock. */
class ProviderHttpTest {

    interface LeadsClient {
        @RequestLine(value = "DELETE /leads/{id}", decodeSlash = false)
        Response delete(URI root, @Param(value = "id", encoded = true) String id,
                        @QueryMap(encoded = true) Map<String, Object> query,
                        @HeaderMap Map<String, Object> headers, Request.Options options);
    }

    private static final String TOKEN = "s3cr3t-token";
    /** Far above any exchange here, so that a loaded machine never turns an answer into a timeout. */
    private static final Duration PLENTY = Duration.ofSeconds(20);

    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final ProviderHttp http = new ProviderHttp("Acme CRM", LeadIdFormat.POSITIVE_INT64,
            new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test", 64));
    private final LeadsClient client = http.feignBuilder().target(Target.EmptyTarget.create(LeadsClient.class));
    private final AtomicInteger decoded = new AtomicInteger();

    private ProviderAnswer deleteLead(ProviderCall call) {
        return http.exchange(call, "the delete", request -> client.delete(call.account().baseUrl().orElseThrow(),
                request.encodedLeadId(), request.encodedQuery(), Map.of("Authorization", "Bearer " + TOKEN), request.options()),
                answer -> {
                    decoded.incrementAndGet();
                    return new ProviderRejection(answer, "decoded by the adapter", null, null, false);
                });
    }

    private ProviderCall call(String id, List<QueryParameter> query, Duration timeout) {
        return call(URI.create(provider.baseUrl() + "/v2"), id, query, timeout);
    }

    private static ProviderCall call(URI root, String id, List<QueryParameter> query, Duration timeout) {
        var account = new IntegratedAccount(IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow(),
                new Integration("acme_crm"), Map.of(), Optional.of(root), Pacing.providerDefault(),
                Credentials.of(Map.of("token", TOKEN)));
        return new ProviderCall(account, LeadId.parse(id, LeadIdFormat.matching("(?s).+", "any text")), query, timeout);
    }

    @Test
    void sendsOneRequestWithThePerCallAuthorizationAndTheKitsHeadersAndReturnsTheTwoHundred() {
        provider.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Remaining", "9")
                .withBody("{\"amount\": 1.10}")));

        ProviderAnswer answer = deleteLead(call("42", List.of(new QueryParameter("a b", "{x}&y"), new QueryParameter("r", "1"),
                new QueryParameter("r", "2")), PLENTY));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("x-ratelimit-remaining")).contains("9");
        assertThat(answer.parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("amount", new BigDecimal("1.10"))));
        provider.verify(1, deleteRequestedFor(urlEqualTo("/v2/leads/42?a%20b=%7Bx%7D%26y&r=1&r=2"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("unified-crm/test")));
    }

    @Test
    void anIdThatIsNotCanonicalInTheAdaptersFormatNeverLeaves() {
        assertThatThrownBy(() -> deleteLead(call("007", List.of(), PLENTY)))
                .isInstanceOf(InvalidLeadIdException.class)
                .hasMessageContaining("positive whole number");
        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307})
    void aRedirectIsABreachAndIsNotFollowed(int status) {
        provider.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(status)
                .withHeader("Location", provider.baseUrl() + "/elsewhere")));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> deleteLead(call("42", List.of(), PLENTY)));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("Acme CRM").contains("the delete");
        assertThat(provider.getAllServeEvents()).hasSize(1);
        assertThat(decoded).hasValue(0);
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 404, 429, 500, 503})
    void errorStatusesGoToTheAdaptersDecoderOnceAndAreNeverResent(int status) {
        provider.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(status)
                .withHeader("Retry-After", "0").withBody("no")));

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(call("42", List.of(), PLENTY)));

        assertThat(rejection.providerMessage()).contains("decoded by the adapter");
        assertThat(rejection.providerAnswer().header("Retry-After")).contains("0");
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Text("no"));
        assertThat(decoded).hasValue(1);
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/v2/leads/42")));
    }

    @Test
    void aBodyOverTheLimitIsNotReadAndIsABreach() {
        provider.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(200).withBody("x".repeat(65))));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> deleteLead(call("42", List.of(), PLENTY)));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.BODY_TOO_LARGE);
        assertThat(breach.providerAnswer().body()).isEmpty();
    }

    @Test
    void theDeadlineIsTheWholeExchangeOnTheSharedClient() {
        provider.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));

        var timeout = catchThrowableOfType(ProviderTimeout.class, () -> deleteLead(call("42", List.of(), Duration.ofMillis(300))));

        assertThat(timeout.delivery()).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(timeout.getMessage()).contains("Acme CRM").contains("300 ms").doesNotContain("http").doesNotContain(TOKEN);
    }

    @Test
    void aRefusedConnectionWasNotSentAndTheMessageShowsNoUrlOrSecret() throws IOException {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var call = call(URI.create("http://user:pass@127.0.0.1:" + closedPort + "/v2"), "42", List.of(), PLENTY);

        var failure = catchThrowableOfType(ProviderUnreachable.class, () -> deleteLead(call));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(failure.getMessage()).contains("connection refused").doesNotContain("127.0.0.1").doesNotContain("pass")
                .doesNotContain(TOKEN);
    }

    @Test
    void bodiesAreJsonOnlyWhenTheyParseAndAreNotDeclaredAsAnotherType() {
        byte[] json = "{\"a\": [1, 2.50]}".getBytes(StandardCharsets.UTF_8);
        assertThat(ProviderHttp.parseBody(json, "application/json; charset=utf-8"))
                .isEqualTo(new RemoteBody.Json(Map.of("a", List.of(1, new BigDecimal("2.50")))));
        assertThat(ProviderHttp.parseBody(json, "application/problem+json")).isInstanceOf(RemoteBody.Json.class);
        assertThat(ProviderHttp.parseBody(json, null)).isInstanceOf(RemoteBody.Json.class);
        assertThat(ProviderHttp.parseBody("42".getBytes(StandardCharsets.UTF_8), "text/plain")).isEqualTo(new RemoteBody.Text("42"));
        assertThat(ProviderHttp.parseBody("{} trailing".getBytes(StandardCharsets.UTF_8), "application/json"))
                .isEqualTo(new RemoteBody.Text("{} trailing"));
        assertThat(ProviderHttp.parseBody("caf\u00e9".getBytes(StandardCharsets.ISO_8859_1), "text/plain; charset=ISO-8859-1"))
                .isEqualTo(new RemoteBody.Text("caf\u00e9"));
        assertThat(ProviderHttp.parseBody(new byte[0], "application/json")).isEqualTo(RemoteBody.empty());
    }
}
