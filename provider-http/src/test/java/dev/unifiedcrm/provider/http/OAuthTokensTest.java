package dev.unifiedcrm.provider.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.TokenRequestThrottled;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CredentialStore;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.domain.spi.TokenRequestListener;
import feign.HeaderMap;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import feign.Target;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The token sources against WireMock, as an adapter uses them: a Feign interface whose calls carry
 * the account's access token, a token endpoint at {@code /oauth/token}. Time is an injected clock.
 */
class OAuthTokensTest {

    interface LeadsClient {
        @RequestLine(value = "DELETE /leads/{id}", decodeSlash = false)
        Response delete(URI root, @Param(value = "id", encoded = true) String id,
                        @HeaderMap Map<String, Object> headers, Request.Options options);
    }

    private static final String CLIENT_ID = "client-4711";
    private static final String CLIENT_SECRET = "cs-5ecret-client-secret-0a1b";
    private static final String REFRESH_TOKEN = "rt-5ecret-refresh-token-2c3d";
    private static final String ROTATED_REFRESH_TOKEN = "rt-5ecret-rotated-token-4e5f";
    private static final String STORED_REFRESH_TOKEN = "rt-5ecret-stored-token-6a7b";
    private static final String ACCESS_TOKEN = "at-5ecret-access-token-1";
    private static final String SECOND_ACCESS_TOKEN = "at-5ecret-access-token-2";
    private static final Duration PLENTY = Duration.ofSeconds(20);
    private static final Integration ACME = new Integration("acme_crm");
    private static final IntegratedAccountId ACCOUNT_ID = IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow();

    private static final CredentialSet STATIC = CredentialSet.staticSecrets("access_token");
    private static final CredentialSet REFRESH = new CredentialSet(Set.of("client_id", "client_secret", "refresh_token"),
            Set.of("client_secret", "refresh_token"), CredentialSet.Grant.REFRESH_TOKEN);
    private static final CredentialSet CLIENT = new CredentialSet(Set.of("client_id", "client_secret"),
            Set.of("client_secret"), CredentialSet.Grant.CLIENT_CREDENTIALS);
    private static final CredentialSet JWT = new CredentialSet(Set.of("client_id", "username", "private_key"),
            Set.of("private_key"), CredentialSet.Grant.JWT_BEARER);

    @RegisterExtension
    final WireMockExtension provider = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MemoryStore store = new MemoryStore();
    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger tokenLog = (Logger) LoggerFactory.getLogger(OAuthTokens.class);
    private TokenEndpoint.ClientAuthentication clientAuthentication = TokenEndpoint.ClientAuthentication.BASIC;
    private Optional<String> scope = Optional.empty();
    private TokenEndpoint.Quirks quirks = TokenEndpoint.Quirks.NONE;
    private Optional<Duration> defaultLifetime = Optional.empty();
    private boolean lifetimeRequired;
    private final List<Map<String, Object>> answersSeen = Collections.synchronizedList(new ArrayList<>());
    private ProviderHttp http;
    private LeadsClient client;
    private OAuthTokens tokens;

    @BeforeEach
    void setUp() {
        logs.start();
        tokenLog.addAppender(logs);
        TokenRequestListener listener = (integration, account, outcome) ->
                outcomes.add(integration.name() + "/" + outcome.name().toLowerCase());
        var settings = new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test", 64 * 1024, clock, store, listener);
        http = new ProviderHttp("Acme CRM", LeadIdFormat.POSITIVE_INT64, settings);
        client = http.feignBuilder().target(Target.EmptyTarget.create(LeadsClient.class));
        tokens = new OAuthTokens(http, ACME, List.of(STATIC, REFRESH, CLIENT, JWT),
                account -> new TokenEndpoint(account.tokenUrl().orElseThrow(), clientAuthentication, scope,
                        Optional.of("https://login.acme.example"), defaultLifetime, lifetimeRequired, quirks), settings,
                (account, answer) -> answersSeen.add(answer));
    }

    @AfterEach
    void scanForSecrets() {
        tokenLog.detachAppender(logs);
        var everything = new ArrayList<>(seen);
        logs.list.forEach(event -> everything.add(event.getFormattedMessage()));
        everything.addAll(outcomes);
        for (String text : everything) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, ROTATED_REFRESH_TOKEN, STORED_REFRESH_TOKEN,
                    ACCESS_TOKEN, SECOND_ACCESS_TOKEN, "PRIVATE KEY", "MII");
        }
    }

    @Test
    void firstCallObtainsTheTokenWithTheRefreshGrantAndLaterCallsReuseIt() {
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3600, null)));
        stubDelete(204);

        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);
        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);

        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", equalTo("Basic " + base64(CLIENT_ID + ":" + CLIENT_SECRET))));
        assertThat(form(tokenRequests().get(0))).containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", REFRESH_TOKEN).doesNotContainKey("client_secret");
        provider.verify(2, deleteRequestedFor(urlPathEqualTo("/leads/42"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        assertThat(outcomes).containsExactly("acme_crm/issued");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .containsExactly("obtained a new access token for integrated account " + ACCOUNT_ID + " (acme_crm)");
    }

    @Test
    void aTokenIsRenewedSixtySecondsBeforeItExpires() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 3600, null), tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(3539));
        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(1));
        deleteLead(refreshAccount());

        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(2, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN)));
    }

    @Test
    void aShortLivedTokenIsRenewedAtHalfItsLifetime() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 30, null), tokenJson(SECOND_ACCESS_TOKEN, 30, null));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(14));
        deleteLead(refreshAccount());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(1));
        deleteLead(refreshAccount());
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aTokenWithoutLifetimeIsKeptUntilTheProviderRejectsIt() {
        stubTokenSequence("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\"}",
                tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(204)).inScenario("expiry").whenScenarioStateIs(Scenario.STARTED));
        deleteLead(refreshAccount());
        clock.advance(Duration.ofDays(2));
        deleteLead(refreshAccount());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(401)));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(204)));
        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aTokenWithoutLifetimeLastsTheEndpointsDefaultLifetimeWhenItHasOne() {
        defaultLifetime = Optional.of(Duration.ofMinutes(30));
        setUpAgain();
        stubTokenSequence("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"bearer\"}",
                tokenJson(SECOND_ACCESS_TOKEN, 1800, null));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(1739));
        deleteLead(refreshAccount());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(1));
        deleteLead(refreshAccount());

        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN)));
    }

    @Test
    void theAnswerListenerIsToldOfEachIssuedTokenWithItsSecretsMasked() {
        stubToken(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
                + "\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\",\"api_domain\":\"https://acme.example\"}"));
        stubDelete(204);

        deleteLead(refreshAccount());
        deleteLead(refreshAccount());

        assertThat(answersSeen).singleElement().isEqualTo(Map.of("access_token", "***", "token_type", "Bearer",
                "expires_in", 3600, "refresh_token", "***", "api_domain", "https://acme.example"));
    }

    @Test
    void fiftyConcurrentCallsCauseExactlyOneTokenRequest() throws Exception {
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3600, null)).withFixedDelay(300));
        stubDelete(204);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            var start = new CountDownLatch(1);
            var calls = new ArrayList<Future<ProviderAnswer>>();
            for (int i = 0; i < 50; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return deleteLead(refreshAccount());
                }));
            }
            start.countDown();
            for (var call : calls) {
                assertThat(call.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
            }
        } finally {
            pool.shutdownNow();
        }
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(50, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
    }

    @Test
    void aCallWaitingForAnotherCallsTokenGivesUpAtItsOwnDeadline() throws Exception {
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3600, null)).withFixedDelay(1500));
        stubDelete(204);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ProviderAnswer> first = pool.submit(() -> deleteLead(refreshAccount()));
            awaitTokenRequest();
            var waiting = catchThrowableOfType(ProviderTimeout.class,
                    () -> tokens.exchange(call(refreshAccount(), Duration.ofMillis(200)), "the delete", this::send, this::reject, a -> a.status() == 401));
            assertThat(waiting.delivery()).isEqualTo(Delivery.NOT_SENT);
            assertThat(waiting.getMessage()).contains(ACCOUNT_ID.toString()).contains("nothing was sent");
            assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(204);
        } finally {
            pool.shutdownNow();
        }
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void a401RenewsTheTokenOnceAndRepeatsTheExchange() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 3600, null), tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(401)));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(204)));

        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);

        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(2, deleteRequestedFor(urlPathEqualTo("/leads/42")));
    }

    @Test
    void aSecond401IsPassedOn() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 3600, null), tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        stubDelete(401);

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));

        assertThat(rejection.status()).isEqualTo(401);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN)));
    }

    @Test
    void aStaticTokenIsSentAsItIsAndA401IsPassedOnAtOnce() {
        stubDelete(401);
        var account = account(Map.of("access_token", ACCESS_TOKEN), Optional.empty());

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(account));

        assertThat(rejection.status()).isEqualTo(401);
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        provider.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aRefusedGrantIs401RemoteWithMaskedBodyAndIsNotAskedAgainForSixtySeconds() {
        stubToken(aResponse().withStatus(400).withHeader("Content-Type", "application/json").withBody(
                "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is invalid, expired or revoked\","
                        + "\"echo\":{\"refresh_token\":\"" + REFRESH_TOKEN + "\",\"list\":[{\"client_secret\":\"" + CLIENT_SECRET
                        + "\"}],\"access_token\":\"" + ACCESS_TOKEN + "\",\"id_token\":\"x\"}}"));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Acme CRM refused the credentials of integrated account " + ACCOUNT_ID
                + "; the account must be connected again: refresh token is invalid, expired or revoked");
        assertThat(refused.providerErrorCode()).hasValue("invalid_grant");
        assertThat(refused.answersACheck()).as("the token endpoint's answer is never passed on as the call's").isTrue();
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of(
                "error", "invalid_grant", "error_description", "refresh token is invalid, expired or revoked",
                "echo", Map.of("refresh_token", "***", "list", List.of(Map.of("client_secret", "***")),
                        "access_token", "***", "id_token", "***"))));
        assertThat(new String(refused.providerAnswer().body(), StandardCharsets.UTF_8))
                .doesNotContain(REFRESH_TOKEN, CLIENT_SECRET, ACCESS_TOKEN);

        clock.advance(Duration.ofSeconds(59));
        var again = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));
        assertThat(again.status()).isEqualTo(401);
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));

        clock.advance(Duration.ofSeconds(2));
        assertThatThrownBy(() -> deleteLead(refreshAccount())).isInstanceOf(ProviderRejection.class);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/leads/42")));
        assertThat(outcomes).containsExactly("acme_crm/refused", "acme_crm/refused");
    }

    @Test
    void a200CarryingAnOAuthErrorIsARefusedGrant() {
        stubToken(okJson("{\"error\":\"invalid_code\"}"));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains(ACCOUNT_ID.toString()).contains("connected again").endsWith(": invalid_code"));
        clock.advance(Duration.ofSeconds(30));
        assertThatThrownBy(() -> deleteLead(refreshAccount())).isSameAs(refused);
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void a503FromTheTokenEndpointIsARetryableRejectionAndTheNextAttemptAsksAgain() {
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("down")).willSetStateTo("up"));
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(okJson(tokenJson(ACCESS_TOKEN, 3600, null))));
        stubDelete(204);

        var failure = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.getMessage()).contains("token endpoint").contains(ACCOUNT_ID.toString());

        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(outcomes).containsExactly("acme_crm/failed", "acme_crm/issued");
    }

    @Test
    void aTokenEndpointTimeoutMeansTheCallItselfWasNotSent() {
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3600, null)).withFixedDelay(2000));

        var timeout = catchThrowableOfType(ProviderTimeout.class,
                () -> tokens.exchange(call(refreshAccount(), Duration.ofMillis(300)), "the delete", this::send, this::reject, a -> false));

        assertThat(timeout.delivery()).isEqualTo(Delivery.NOT_SENT);
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/leads/42")));
    }

    @Test
    void aBrokenTokenAnswerIsNotSentEither() {
        stubToken(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        var failure = catchThrowableOfType(ProviderFailure.class, () -> deleteLead(refreshAccount()));

        assertThat(failure.delivery()).isEqualTo(Delivery.NOT_SENT);
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/leads/42")));
    }

    @Test
    void a429FromTheTokenEndpointIsThrottlingWithItsRetryAfter() {
        stubToken(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        var throttled = catchThrowableOfType(TokenRequestThrottled.class, () -> deleteLead(refreshAccount()));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(throttled.getMessage()).contains(ACCOUNT_ID.toString());
        assertThat(outcomes).containsExactly("acme_crm/throttled");
    }

    @Test
    void aSuccessWithoutAnAccessTokenBreaksTheContractWithAMaskedBody() {
        stubToken(okJson("{\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\"}"));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> deleteLead(refreshAccount()));

        assertThat(breach.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("refresh_token", "***")));
        assertThat(store.saved).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ",\"expires_in\":0", ",\"expires_in\":-3599", ",\"expires_in\":3599.5",
            ",\"expires_in\":\"+3599\"", ",\"expires_in\":\"soon\"", ",\"expires_in\":true", ",\"expires_in\":null",
            ",\"expires_in\":2147483648"})
    void whenTheLifetimeIsRequiredAnAnswerWithoutAUsableOneBreaksTheContract(String expiresIn) {
        lifetimeRequired = true;
        setUpAgain();
        stubToken(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\"" + expiresIn + "}"));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> deleteLead(refreshAccount()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).contains("expires_in");
        assertThat(breach.providerAnswer().parsedBody()).isInstanceOfSatisfying(RemoteBody.Json.class,
                json -> assertThat(json.value()).asInstanceOf(InstanceOfAssertFactories.MAP).containsEntry("access_token", "***"));
        assertThat(outcomes).containsExactly("acme_crm/failed");
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/leads/42")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"3599", "\"3599\"", "3599.0"})
    void whenTheLifetimeIsRequiredAWholeNumberOrDigitStringIsHonoured(String expiresIn) {
        lifetimeRequired = true;
        setUpAgain();
        stubTokenSequence("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}",
                tokenJson(SECOND_ACCESS_TOKEN, 3599, null));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(3538));
        deleteLead(refreshAccount());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(1));
        deleteLead(refreshAccount());

        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN)));
    }

    @Test
    void aRotatedRefreshTokenReplacesTheOldOneAndGoesToTheStore() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 100, ROTATED_REFRESH_TOKEN), tokenJson(SECOND_ACCESS_TOKEN, 100, ROTATED_REFRESH_TOKEN));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(60));
        deleteLead(refreshAccount());

        List<LoggedRequest> requests = tokenRequests();
        assertThat(form(requests.get(0))).containsEntry("refresh_token", REFRESH_TOKEN);
        assertThat(form(requests.get(1))).containsEntry("refresh_token", ROTATED_REFRESH_TOKEN);
        assertThat(store.saved).containsExactly(Map.entry(ACCOUNT_ID, ROTATED_REFRESH_TOKEN));
    }

    @Test
    void aRefreshTokenInTheStoreWinsOverTheConfiguredOne() {
        store.saved.put(ACCOUNT_ID, STORED_REFRESH_TOKEN);
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3600, null)));
        stubDelete(204);

        deleteLead(refreshAccount());

        assertThat(form(tokenRequests().get(0))).containsEntry("refresh_token", STORED_REFRESH_TOKEN);
    }

    @Test
    void theClientCredentialsGrantSendsItsClientAndScopeAsFormFieldsWhenAsked() {
        clientAuthentication = TokenEndpoint.ClientAuthentication.FORM;
        scope = Optional.of("https://contoso.crm4.dynamics.com/.default");
        setUpAgain();
        stubToken(okJson(tokenJson(ACCESS_TOKEN, 3599, null)));
        stubDelete(204);

        deleteLead(account(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET), tokenUrl()));

        LoggedRequest request = tokenRequests().get(0);
        assertThat(request.getHeader("Authorization")).isNull();
        assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope", "https://contoso.crm4.dynamics.com/.default"));
    }

    @Test
    void theJwtBearerAssertionIsSignedRs256WithTheKeyAndCarriesTheClaims() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        OAuthTokens.checkPrivateKey(pem);
        stubToken(okJson("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"token_type\":\"Bearer\",\"instance_url\":\"https://elsewhere.example\"}"));
        stubDelete(204);

        deleteLead(account(Map.of("client_id", CLIENT_ID, "username", "ops@acme.example", "private_key", pem), tokenUrl()));

        Map<String, String> form = form(tokenRequests().get(0));
        assertThat(form).containsOnlyKeys("grant_type", "assertion")
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        SignedJWT assertion = SignedJWT.parse(form.get("assertion"));
        assertThat(assertion.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(assertion.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic()))).isTrue();
        var claims = assertion.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo(CLIENT_ID);
        assertThat(claims.getSubject()).isEqualTo("ops@acme.example");
        assertThat(claims.getAudience()).containsExactly("https://login.acme.example");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(clock.instant().plusSeconds(180));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN)));
        seen.add(form.get("assertion"));
    }

    @Test
    void aKeyThatIsNotAPkcs8RsaKeyOf2048BitsIsRefusedWithoutShowingIt() throws Exception {
        assertThatThrownBy(() -> OAuthTokens.checkPrivateKey("-----BEGIN PRIVATE KEY-----\nMIInotakey\n-----END PRIVATE KEY-----"))
                .isInstanceOf(InvalidAccountException.class).hasMessageNotContaining("MII")
                .extracting(e -> ((InvalidAccountException) e).field()).isEqualTo("credentials.private_key");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(1024);
        String small = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(
                generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----";
        assertThatThrownBy(() -> OAuthTokens.checkPrivateKey(small)).hasMessageContaining("at least 2048 bits");
    }

    @Test
    void aProvidersOwnReadingGivesTheLifetimeFromAnotherFieldAndLeavesOtherAnswersToTheKit() {
        quirks = new TokenEndpoint.Quirks() {
            @Override
            public Optional<TokenAnswer> read(ProviderAnswer answer) {
                return answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body
                        && body.get("lifetime_ms") instanceof Number millis
                        ? Optional.of(new TokenAnswer.Issued((String) body.get("access_token"),
                                Optional.of(Duration.ofMillis(millis.longValue())), Optional.empty()))
                        : Optional.empty();
            }
        };
        stubTokenSequence("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"lifetime_ms\":1000000}",
                tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        stubDelete(204);

        deleteLead(refreshAccount());
        clock.advance(Duration.ofSeconds(939));
        deleteLead(refreshAccount());
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(1));
        deleteLead(refreshAccount());

        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN)));
        assertThat(outcomes).containsExactly("acme_crm/issued", "acme_crm/issued");
    }

    @Test
    void aProvidersOwnThrottlingAnswerIs429AndPausesTokenRequestsForItsRetryAfter() {
        quirks = new TokenEndpoint.Quirks() {
            @Override
            public Optional<TokenAnswer> read(ProviderAnswer answer) {
                return answer.status() == 400 ? Optional.of(new TokenAnswer.Throttled("Acme asks to slow down",
                        Duration.ofSeconds(30))) : Optional.empty();
            }
        };
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"slow_down\"}")).willSetStateTo("second"));
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenJson(ACCESS_TOKEN, 3600, null))));
        stubDelete(204);

        var throttled = catchThrowableOfType(TokenRequestThrottled.class, () -> deleteLead(refreshAccount()));
        assertThat(throttled.getMessage()).isEqualTo("Acme asks to slow down");
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        clock.advance(Duration.ofMillis(10_500));
        var again = catchThrowableOfType(TokenRequestThrottled.class, () -> deleteLead(refreshAccount()));
        assertThat(again.retryAfter()).as("the wait that is left, rounded up").isEqualTo(Duration.ofSeconds(20));
        provider.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofMillis(19_500));

        assertThat(deleteLead(refreshAccount()).status()).isEqualTo(204);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(1, deleteRequestedFor(urlPathEqualTo("/leads/42")));
        assertThat(outcomes).containsExactly("acme_crm/throttled", "acme_crm/issued");
    }

    @Test
    void aProvidersOwnRefusalOfA2xxIsARefusedGrant() {
        quirks = new TokenEndpoint.Quirks() {
            @Override
            public Optional<TokenAnswer> read(ProviderAnswer answer) {
                return Optional.of(new TokenAnswer.Refused(Optional.empty(), Optional.of("no access token came")));
            }
        };
        stubToken(okJson("{\"token_type\":\"bearer\",\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\"}"));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> deleteLead(refreshAccount()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Acme CRM refused the credentials of integrated account "
                + ACCOUNT_ID + "; the account must be connected again: no access token came");
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("token_type", "bearer",
                "refresh_token", "***")));
        assertThat(outcomes).containsExactly("acme_crm/refused");
    }

    @Test
    void aTokenRequestTheProviderHoldsBackIsNotSent() {
        quirks = new TokenEndpoint.Quirks() {
            @Override
            public Optional<TokenAnswer.Throttled> holdBack() {
                return Optional.of(new TokenAnswer.Throttled("Acme's budget of token requests is spent", Duration.ofSeconds(90)));
            }
        };

        var throttled = catchThrowableOfType(TokenRequestThrottled.class, () -> deleteLead(refreshAccount()));

        assertThat(throttled.getMessage()).isEqualTo("Acme's budget of token requests is spent");
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(throttled.delivery()).isEqualTo(Delivery.NOT_SENT);
        provider.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(0, deleteRequestedFor(urlPathEqualTo("/leads/42")));
        assertThat(outcomes).as("nothing was sent, so no token request is counted").isEmpty();
    }

    @Test
    void a2xxThePredicateCallsTokenExpiredRenewsTheTokenOnceAndASecondOneIsTheAnswer() {
        stubTokenSequence(tokenJson(ACCESS_TOKEN, 3600, null), tokenJson(SECOND_ACCESS_TOKEN, 3600, null));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .willReturn(okJson("{\"code\":\"TOKEN_EXPIRED\"}")));
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN))
                .willReturn(aResponse().withStatus(204)));

        assertThat(deleteLead(refreshAccount(), OAuthTokensTest::expiredInBody).status()).isEqualTo(204);
        provider.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        provider.verify(2, deleteRequestedFor(urlPathEqualTo("/leads/42")));

        provider.stubFor(delete(urlPathEqualTo("/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_ACCESS_TOKEN))
                .willReturn(okJson("{\"code\":\"TOKEN_EXPIRED\"}")));
        assertThat(deleteLead(refreshAccount(), OAuthTokensTest::expiredInBody).status()).isEqualTo(200);
        provider.verify(3, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    // --- helpers ---

    private static boolean expiredInBody(ProviderAnswer answer) {
        return answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body
                && "TOKEN_EXPIRED".equals(body.get("code"));
    }

    /** Builds the token source again after a test changed how the endpoint is reached. */
    private void setUpAgain() {
        tokenLog.detachAppender(logs);
        setUp();
    }

    private ProviderAnswer deleteLead(IntegratedAccount account) {
        return deleteLead(account, answer -> answer.status() == 401);
    }

    private ProviderAnswer deleteLead(IntegratedAccount account, java.util.function.Predicate<ProviderAnswer> tokenRejected) {
        try {
            return tokens.exchange(call(account, PLENTY), "the delete", this::send, this::reject, tokenRejected);
        } catch (RuntimeException e) {
            seen.add(String.valueOf(e.getMessage()));
            if (e instanceof ProviderRejection rejection) {
                seen.add(rejection.providerMessage().orElse(""));
                seen.add(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8));
            }
            throw e;
        }
    }

    private Response send(ProviderRequest request, String token) {
        return client.delete(URI.create(provider.baseUrl()), request.encodedLeadId(), Map.of("Authorization", "Bearer " + token),
                request.options());
    }

    private ProviderFailure reject(ProviderAnswer answer) {
        return new ProviderRejection(answer, null, null, null, false);
    }

    private static ProviderCall call(IntegratedAccount account, Duration timeout) {
        return new ProviderCall(account, LeadId.parse("42", LeadIdFormat.POSITIVE_INT64), List.of(), timeout);
    }

    private IntegratedAccount refreshAccount() {
        return account(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN), tokenUrl());
    }

    private Optional<URI> tokenUrl() {
        return Optional.of(URI.create(provider.baseUrl() + "/oauth/token"));
    }

    private IntegratedAccount account(Map<String, String> credentials, Optional<URI> tokenUrl) {
        return new IntegratedAccount(ACCOUNT_ID, ACME, Map.of(), Optional.of(URI.create(provider.baseUrl())),
                Pacing.providerDefault(), Credentials.of(credentials), tokenUrl);
    }

    private void stubToken(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(answer));
    }

    private void stubTokenSequence(String first, String second) {
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(first)).willSetStateTo("second"));
        provider.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(second)));
    }

    private void stubDelete(int status) {
        provider.stubFor(delete(urlPathEqualTo("/leads/42")).willReturn(aResponse().withStatus(status)));
    }

    private void awaitTokenRequest() throws InterruptedException {
        for (int i = 0; i < 500 && provider.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).isEmpty(); i++) {
            Thread.sleep(10);
        }
    }

    private List<LoggedRequest> tokenRequests() {
        return provider.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    private static String tokenJson(String accessToken, int expiresIn, String refreshToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":" + expiresIn
                + (refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"") + "}";
    }

    private static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** A credential store in memory, recording what was saved. */
    private static final class MemoryStore implements CredentialStore {
        final Map<IntegratedAccountId, String> saved = new ConcurrentHashMap<>();

        @Override
        public Optional<String> refreshToken(IntegratedAccountId account) {
            return Optional.ofNullable(saved.get(account));
        }

        @Override
        public void saveRefreshToken(IntegratedAccountId account, String refreshToken) {
            saved.put(account, refreshToken);
        }

        @Override
        public boolean persistent() {
            return true;
        }
    }
}
