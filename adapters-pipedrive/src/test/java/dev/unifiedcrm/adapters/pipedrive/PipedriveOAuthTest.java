package dev.unifiedcrm.adapters.pipedrive;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.TokenRequestThrottled;
import dev.unifiedcrm.domain.contract.HandMovedClock;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialStore;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.TokenRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pipedrive's refresh-grant set against WireMock: the API at {@code /api/v1} (the account's {@code base_url}),
 * the token endpoint at {@code /oauth/token} (its {@code token_url}); time moves by hand.
 */
class PipedriveOAuthTest {

    private static final String CLIENT_ID = "pd-client-3f9a";
    private static final String CLIENT_SECRET = "pd-5ecret-client-secret-77b1";
    private static final String REFRESH_TOKEN = "13540546:17251923:5ecret0first";
    private static final String SECOND_REFRESH_TOKEN = "13540546:17251923:5ecret1second";
    private static final String THIRD_REFRESH_TOKEN = "13540546:17251923:5ecret2third";
    private static final String FIRST_TOKEN = "v1u:5ecret-access-token-a1";
    private static final String SECOND_TOKEN = "v1u:5ecret-access-token-b2";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("c4e8a2f0-1b3d-4c5e-9f7a-6b8d0e2f4a6c").orElseThrow();
    private static final String LEAD = "adf21080-0e10-11eb-879b-05d71fb426ec";
    private static final String LEAD_PATH = "/api/v1/leads/" + LEAD;
    private static final String USER_AGENT = "unified-crm/test";
    private static final String GATEWAY_401 = "{\"success\":false,\"error\":\"unauthorized access\",\"errorCode\":401,"
            + "\"error_info\":\"Please check developers.pipedrive.com\"}";

    @RegisterExtension
    final WireMockExtension pipedrive = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final HandMovedClock clock = new HandMovedClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final MemoryStore store = new MemoryStore();
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private CrmAdapter adapter;

    @BeforeEach
    void setUp() {
        logs.start();
        root.addAppender(logs);
        TokenRequestListener metrics = (integration, account, outcome) -> seen.add(integration + " " + account + " " + outcome);
        adapter = new PipedriveAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), USER_AGENT,
                AdapterSettings.ONE_MIB, clock, store, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, SECOND_REFRESH_TOKEN, THIRD_REFRESH_TOKEN,
                    FIRST_TOKEN, SECOND_TOKEN, base64(CLIENT_ID + ":" + CLIENT_SECRET));
        }
    }

    @Test
    void theFirstCallObtainsATokenByTheRefreshGrantWithBasicClientAuthenticationAndLaterCallsReuseIt() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN))));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(deleted()));
        pipedrive.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(okJson(
                "{\"success\":true,\"data\":{\"id\":\"" + LEAD + "\",\"title\":\"Acme\",\"is_archived\":false}}")));

        assertThat(adapter.lookup().fetch(call()).lead().title()).isEqualTo("Acme");
        clock.advance(Duration.ofMinutes(58));
        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD);

        pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        LoggedRequest tokenRequest = pipedrive.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))).get(0);
        assertThat(tokenRequest.getHeader("Authorization")).isEqualTo("Basic " + base64(CLIENT_ID + ":" + CLIENT_SECRET));
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getHeader("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(form(tokenRequest)).as("client id and secret travel by HTTP Basic only")
                .containsExactly(Map.entry("grant_type", "refresh_token"), Map.entry("refresh_token", REFRESH_TOKEN));
        pipedrive.verify(getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("x-api-token", absent()).withHeader("Accept", equalTo("application/json")));
        pipedrive.verify(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("x-api-token", absent()).withHeader("User-Agent", equalTo(USER_AGENT)));
        assertThat(pipedrive.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH))).get(0).getUrl()).isEqualTo(LEAD_PATH);
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (pipedrive)");
        assertThat(seen).contains("pipedrive " + ACCOUNT_ID + " ISSUED");
    }

    @Test
    void aTokenIsRenewedSixtySecondsBeforeItsHourRunsOutWithTheNewestRefreshTokenWhichGoesToTheStore() {
        stubTokens(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN), token(SECOND_TOKEN, THIRD_REFRESH_TOKEN));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(deleted()));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(3539));
        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(1));
        adapter.deletion().delete(call());

        List<LoggedRequest> tokenRequests = pipedrive.findAll(postRequestedFor(urlPathEqualTo("/oauth/token")));
        assertThat(tokenRequests).extracting(request -> form(request).get("refresh_token"))
                .as("the rotated refresh token replaces the one just used").containsExactly(REFRESH_TOKEN, SECOND_REFRESH_TOKEN);
        pipedrive.verify(2, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        pipedrive.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
        assertThat(store.saved).containsExactly(Map.entry(ACCOUNT_ID, THIRD_REFRESH_TOKEN));
    }

    @Test
    void anAnswerWithoutExpiresInIsTakenToLastPipedrivesHour() {
        stubTokens("{\"access_token\":\"" + FIRST_TOKEN + "\",\"token_type\":\"Bearer\",\"refresh_token\":\"" + SECOND_REFRESH_TOKEN + "\"}",
                token(SECOND_TOKEN, THIRD_REFRESH_TOKEN));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(deleted()));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(3539));
        adapter.deletion().delete(call());
        pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        clock.advance(Duration.ofSeconds(1));
        adapter.deletion().delete(call());

        pipedrive.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        pipedrive.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void theGatewaysUnauthorizedAccessMakesExactlyOneRenewalAndOneRepeat() {
        stubTokens(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN), token(SECOND_TOKEN, THIRD_REFRESH_TOKEN));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(gateway401()));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(deleted()));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD);

        assertThat(pipedrive.findAll(postRequestedFor(urlPathEqualTo("/oauth/token"))))
                .extracting(request -> form(request).get("refresh_token")).containsExactly(REFRESH_TOKEN, SECOND_REFRESH_TOKEN);
        assertThat(pipedrive.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH))))
                .extracting(request -> request.getHeader("Authorization"))
                .containsExactly("Bearer " + FIRST_TOKEN, "Bearer " + SECOND_TOKEN);
    }

    @Test
    void aSecond401IsTheAnswerWithPipedrivesMessage() {
        stubTokens(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN), token(SECOND_TOKEN, THIRD_REFRESH_TOKEN));
        pipedrive.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(gateway401()));

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call()));
        seen.add(rejection.getMessage());

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).hasValue("unauthorized access");
        pipedrive.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        pipedrive.verify(2, getRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aStaticTokensUnauthorizedAccessIsTheAnswerAtOnceWithoutAnyTokenRequest() {
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(gateway401()));
        var account = account(Map.of("api_token", "6f1d2c9e0b7a4d3f8e5a1b2c3d4e5f60718293a4"), Optional.empty());

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(
                new ProviderCall(account, LeadId.parse(LEAD, LeadIdFormat.UUID), List.of(), Duration.ofSeconds(10))));

        assertThat(rejection.status()).isEqualTo(401);
        pipedrive.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH))
                .withHeader("x-api-token", equalTo("6f1d2c9e0b7a4d3f8e5a1b2c3d4e5f60718293a4")).withHeader("Authorization", absent()));
        pipedrive.verify(0, postRequestedFor(urlPathEqualTo("/oauth/token")));
    }

    @Test
    void aRefusedGrantIs401NamingTheAccountWithAMaskedBodyAndIsNotAskedAgainWithinAMinute() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: refresh_token is invalid\","
                        + "\"refresh_token\":\"" + REFRESH_TOKEN + "\"}")));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));
        seen.add(refused.getMessage());
        seen.add(new String(refused.providerAnswer().body(), StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Pipedrive refused the credentials of integrated account " + ACCOUNT_ID
                + "; the account must be connected again: Invalid grant: refresh_token is invalid");
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("error", "invalid_grant",
                "error_description", "Invalid grant: refresh_token is invalid", "refresh_token", "***")));
        clock.advance(Duration.ofSeconds(59));
        assertThat(catchThrowableOfType(ProviderRejection.class, () -> adapter.lookup().fetch(call())).status()).isEqualTo(401);
        pipedrive.verify(1, postRequestedFor(urlPathEqualTo("/oauth/token")));
        pipedrive.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
        assertThat(seen).contains("pipedrive " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aWrongClientAnswered401InvalidClientIsARefusedGrantToo() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client: client is invalid\"}")));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));
        seen.add(refused.getMessage());

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerErrorCode()).hasValue("invalid_client");
        assertThat(refused.providerMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains(ACCOUNT_ID.toString(), "connected again", "Invalid client: client is invalid"));
        pipedrive.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aTokenEndpoint503IsARejectionTheCallerRetriesAndA429IsThrottlingWithItsRetryAfter() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("endpoint").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("throttling"));
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("endpoint").whenScenarioStateIs("throttling")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        assertThat(catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call())).status()).isEqualTo(503);
        var throttled = catchThrowableOfType(TokenRequestThrottled.class, () -> adapter.deletion().delete(call()));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        pipedrive.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        pipedrive.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerInTimeMeansTheDeleteWasNotSent() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN))
                .withFixedDelay(1500)));

        var timedOut = catchThrowableOfType(ProviderTimeout.class, () -> adapter.deletion().delete(
                new ProviderCall(oauthAccount(), LeadId.parse(LEAD, LeadIdFormat.UUID), List.of(), Duration.ofMillis(300))));

        assertThat(timedOut.delivery()).isEqualTo(Delivery.NOT_SENT);
        pipedrive.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aTokenAnswerWithoutAnAccessTokenBreaksTheContract() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"refresh_token\":\"" + SECOND_REFRESH_TOKEN + "\",\"expires_in\":3600}")));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));
        seen.add(breach.getMessage());
        seen.add(new String(breach.providerAnswer().body(), StandardCharsets.UTF_8));

        assertThat(breach.providerAnswer().status()).isEqualTo(200);
        pipedrive.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void anApiDomainOnAnotherHostIsNotFollowedAndWarnedAboutOncePerAccount() {
        stubTokens(token(FIRST_TOKEN, SECOND_REFRESH_TOKEN, "https://acme.pipedrive.com"),
                token(SECOND_TOKEN, THIRD_REFRESH_TOKEN, "https://acme.pipedrive.com"));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(deleted()));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofHours(1));
        adapter.deletion().delete(call());

        pipedrive.verify(2, postRequestedFor(urlPathEqualTo("/oauth/token")));
        pipedrive.verify(2, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
        assertThat(warnings()).singleElement().isEqualTo("Pipedrive's token answer for integrated account " + ACCOUNT_ID
                + " names api_domain host acme.pipedrive.com, not the host of the account's API root (localhost); calls keep"
                + " going to the API root: a token never goes to a host read from an answer. Check context.company_domain"
                + " or base_url if the company moved.");
    }

    @Test
    void anApiDomainOnTheRootsHostIsQuiet() {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).willReturn(okJson(
                token(FIRST_TOKEN, SECOND_REFRESH_TOKEN, "http://LOCALHOST:" + pipedrive.getPort()))));
        pipedrive.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(deleted()));

        adapter.deletion().delete(call());

        assertThat(warnings()).isEmpty();
    }

    @Test
    void anApiDomainIsReadForItsHostOnly() {
        assertThat(PipedriveApiDomainCheck.host("https://ACME.pipedrive.com/")).hasValue("acme.pipedrive.com");
        assertThat(PipedriveApiDomainCheck.host("acme.pipedrive.com")).as("no scheme, no host").isEmpty();
        assertThat(PipedriveApiDomainCheck.host("https://acme pipedrive")).isEmpty();
    }

    // --- helpers ---

    private List<String> warnings() {
        return logs.list.stream().filter(event -> event.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    private ProviderCall call() {
        return new ProviderCall(oauthAccount(), LeadId.parse(LEAD, LeadIdFormat.UUID), List.of(), Duration.ofSeconds(10));
    }

    private IntegratedAccount oauthAccount() {
        return account(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN),
                Optional.of(URI.create(pipedrive.baseUrl() + "/oauth/token")));
    }

    private IntegratedAccount account(Map<String, String> credentials, Optional<URI> tokenUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("pipedrive"), Map.of("company_domain", "acme"),
                Optional.of(URI.create(pipedrive.baseUrl() + "/api/v1")), Pacing.providerDefault(), Credentials.of(credentials),
                tokenUrl);
    }

    private void stubTokens(String first, String second) {
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(first)).willSetStateTo("second"));
        pipedrive.stubFor(post(urlPathEqualTo("/oauth/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(second)));
    }

    private static ResponseDefinitionBuilder deleted() {
        return okJson("{\"success\":true,\"data\":{\"id\":\"" + LEAD + "\"}}");
    }

    private static ResponseDefinitionBuilder gateway401() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json").withHeader("x-401-by-gw", "true")
                .withBody(GATEWAY_401);
    }

    private String token(String accessToken, String refreshToken) {
        return token(accessToken, refreshToken, pipedrive.baseUrl());
    }

    private static String token(String accessToken, String refreshToken, String apiDomain) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"refresh_token\":\"" + refreshToken
                + "\",\"scope\":\"base,leads:full\",\"expires_in\":3600,\"api_domain\":\"" + apiDomain + "\"}";
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
