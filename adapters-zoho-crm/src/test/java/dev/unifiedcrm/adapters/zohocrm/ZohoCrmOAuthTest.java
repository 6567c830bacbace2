package dev.unifiedcrm.adapters.zohocrm;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
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
import dev.unifiedcrm.domain.ProviderFailure;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The refresh grant against WireMock: Zoho CRM's API at {@code /crm/v8}, Zoho Accounts' token endpoint at
 * {@code /oauth/v2/token} (the account's {@code base_url} and {@code token_url}), time moved by hand.
 */
class ZohoCrmOAuthTest {

    private static final String CLIENT_ID = "1000.ZOHOCLIENT4711";
    private static final String CLIENT_SECRET = "zoho-5ecret-client-secret-9d0e";
    private static final String REFRESH_TOKEN = "1000.zoho5ecretrefresh.7c1a";
    private static final String FIRST_TOKEN = "1000.zoho5ecretaccess.a1";
    private static final String SECOND_TOKEN = "1000.zoho5ecretaccess.b2";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61").orElseThrow();
    private static final String ID = "7328395000000691001";
    private static final String TOKEN_PATH = "/oauth/v2/token";
    private static final String LEAD_PATH = "/crm/v8/Leads/" + ID;
    private static final String DELETED = "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"" + ID
            + "\"},\"message\":\"record deleted\",\"status\":\"success\"}]}";
    private static final String INVALID_TOKEN = "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\","
            + "\"status\":\"error\"}";
    private static final String THROTTLED = "{\"error_description\":\"You have made too many requests continuously."
            + " Please try again after some time.\",\"error\":\"Access Denied\",\"status\":\"failure\"}";

    @RegisterExtension
    final WireMockExtension zoho = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final HandMovedClock clock = new HandMovedClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private CrmAdapter adapter;

    @BeforeEach
    void setUp() {
        logs.start();
        root.addAppender(logs);
        TokenRequestListener metrics = (integration, account, outcome) -> seen.add(integration + " " + account + " " + outcome);
        adapter = new ZohoCrmAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test",
                AdapterSettings.ONE_MIB, clock, CredentialStore.NONE, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, FIRST_TOKEN, SECOND_TOKEN);
        }
    }

    @Test
    void theFirstCallObtainsATokenByTheRefreshGrantInFormFieldsAndLaterCallsReuseIt() {
        // api_domain names another host: it is ignored, the account's base_url decides where calls go.
        stubToken(json(200, token(FIRST_TOKEN, "\"expires_in\":3600,\"api_domain\":\"https://www.zohoapis.com\"")));
        stubDelete(json(200, DELETED));

        assertThat(deleteLead().id()).isEqualTo(ID);
        clock.advance(Duration.ofMinutes(58));
        assertThat(deleteLead().id()).isEqualTo(ID);

        zoho.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("Authorization", absent()));
        assertThat(form(tokenRequests().get(0))).isEqualTo(Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));
        zoho.verify(2, deleteRequestedFor(urlEqualTo(LEAD_PATH))
                .withHeader("Authorization", equalTo("Zoho-oauthtoken " + FIRST_TOKEN))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(seen).contains("zoho_crm " + ACCOUNT_ID + " ISSUED");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (zoho_crm)");
    }

    @Test
    void aTokenIsRenewedAMinuteBeforeItExpiresWithExpiresInSecWinningOverMilliseconds() {
        stubTokenSequence(json(200, token(FIRST_TOKEN, "\"expires_in\":3600000,\"expires_in_sec\":3600")),
                json(200, token(SECOND_TOKEN, "\"expires_in\":3600")));
        stubDelete(json(200, DELETED));

        deleteLead();
        clock.advance(Duration.ofSeconds(3539));
        deleteLead();
        zoho.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        clock.advance(Duration.ofSeconds(1));
        deleteLead();

        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(2, deleteRequestedFor(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + FIRST_TOKEN)));
        zoho.verify(1, deleteRequestedFor(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + SECOND_TOKEN)));
    }

    @Test
    void invalidTokenDropsTheTokenAndTheFetchIsRepeatedOnceWithANewOne() {
        stubTokenSequence(json(200, token(FIRST_TOKEN, "\"expires_in\":3600")), json(200, token(SECOND_TOKEN, "\"expires_in\":3600")));
        zoho.stubFor(get(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + FIRST_TOKEN))
                .willReturn(json(401, INVALID_TOKEN)));
        zoho.stubFor(get(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + SECOND_TOKEN))
                .willReturn(json(200, resource("lead.json"))));

        assertThat(adapter.lookup().fetch(call()).lead().id()).isEqualTo(ID);

        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(2, getRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void invalidTokenInsideA200RenewsTheTokenToo() {
        stubTokenSequence(json(200, token(FIRST_TOKEN, "\"expires_in\":3600")), json(200, token(SECOND_TOKEN, "\"expires_in\":3600")));
        zoho.stubFor(delete(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + FIRST_TOKEN))
                .willReturn(json(200, INVALID_TOKEN)));
        zoho.stubFor(delete(urlEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Zoho-oauthtoken " + SECOND_TOKEN))
                .willReturn(json(200, DELETED)));

        assertThat(deleteLead().id()).isEqualTo(ID);
        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(2, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void aSecondInvalidTokenIsTheAnswer401Remote() {
        stubTokenSequence(json(200, token(FIRST_TOKEN, "\"expires_in\":3600")), json(200, token(SECOND_TOKEN, "\"expires_in\":3600")));
        stubDelete(json(401, INVALID_TOKEN));

        var rejection = rejected();

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).hasValue("invalid oauth token");
        assertThat(rejection.answersACheck()).isFalse();
        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(2, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void anotherAuthenticationFailureIsNotRenewed() {
        stubToken(json(200, token(FIRST_TOKEN, "\"expires_in\":3600")));
        stubDelete(json(401, "{\"code\":\"AUTHENTICATION_FAILURE\",\"details\":{},\"message\":\"Authentication failed\","
                + "\"status\":\"error\"}"));

        assertThat(rejected().status()).isEqualTo(401);
        zoho.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(1, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"invalid_code", "invalid_client"})
    void aRefusalInsideA200Is401RemoteNamingTheAccountAndTheEndpointIsLeftAloneForAMinute(String error) {
        stubToken(json(200, "{\"error\":\"" + error + "\"}"));

        var refused = rejected();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Zoho CRM refused the credentials of integrated account "
                + ACCOUNT_ID + "; the account must be connected again: " + error);
        assertThat(refused.providerErrorCode()).hasValue(error);
        assertThat(refused.answersACheck()).as("a token answer is never passed on as the call's").isTrue();
        clock.advance(Duration.ofSeconds(59));
        assertThat(rejected().status()).isEqualTo(401);
        zoho.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
        assertThat(seen).contains("zoho_crm " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aSuccessWithoutAnAccessTokenIsARefusedGrantWithTheTokensInItMasked() {
        stubToken(json(200, "{\"token_type\":\"Bearer\",\"refresh_token\":\"" + REFRESH_TOKEN + "\"}"));

        var refused = rejected();

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("token_type", "Bearer",
                "refresh_token", "***")));
    }

    @Test
    void throttlingInsideA400Is429NotRemoteForAMinuteWithZohosMessageAndNoCall() {
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(400, THROTTLED)).willSetStateTo("open"));
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("open")
                .willReturn(json(200, token(FIRST_TOKEN, "\"expires_in\":3600"))));
        stubDelete(json(200, DELETED));

        var throttled = throttled();
        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        assertThat(throttled.getMessage()).isEqualTo("You have made too many requests continuously. Please try again after some time");
        assertThat(throttled.delivery()).isEqualTo(Delivery.NOT_SENT);
        clock.advance(Duration.ofSeconds(45));
        assertThat(throttled().retryAfter()).isEqualTo(Duration.ofSeconds(15));
        zoho.verify(1, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
        clock.advance(Duration.ofSeconds(15));

        assertThat(deleteLead().id()).isEqualTo(ID);
        zoho.verify(2, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        assertThat(seen).contains("zoho_crm " + ACCOUNT_ID + " THROTTLED");
    }

    @Test
    void throttlingInsideA200IsThrottlingToo() {
        stubToken(json(200, THROTTLED));

        assertThat(throttled().retryAfter()).isEqualTo(Duration.ofSeconds(60));
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void anEleventhTokenRequestWithinTenMinutesIsNeverSent() {
        // Two-second tokens are renewed after one second: every call below needs a new one.
        stubToken(json(200, token(FIRST_TOKEN, "\"expires_in\":2")));
        stubDelete(json(200, DELETED));
        for (int i = 0; i < 10; i++) {
            deleteLead();
            clock.advance(Duration.ofSeconds(1));
        }
        zoho.verify(10, postRequestedFor(urlEqualTo(TOKEN_PATH)));

        var throttled = throttled();

        assertThat(throttled.retryAfter()).as("until the first of the ten leaves the window").isEqualTo(Duration.ofSeconds(590));
        assertThat(throttled.getMessage()).contains("10 access tokens per 10 minutes", ACCOUNT_ID.toString());
        zoho.verify(10, postRequestedFor(urlEqualTo(TOKEN_PATH)));
        zoho.verify(10, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
        clock.advance(Duration.ofSeconds(590));

        assertThat(deleteLead().id()).isEqualTo(ID);
        zoho.verify(11, postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    @Test
    void aTokenEndpoint429IsThrottlingWithItsRetryAfter() {
        stubToken(aResponse().withStatus(429).withHeader("Retry-After", "7"));

        assertThat(throttled().retryAfter()).isEqualTo(Duration.ofSeconds(7));
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void aTokenEndpoint503IsARejectionTheCallerRetries() {
        stubToken(aResponse().withStatus(503));

        assertThat(rejected().status()).isEqualTo(503);
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    @Test
    void aTokenEndpointTimeoutOrResetMeansTheDeleteWasNotSent() {
        stubToken(json(200, token(FIRST_TOKEN, "\"expires_in\":3600")).withFixedDelay(3_000));

        var timeout = catchThrowableOfType(ProviderTimeout.class, () -> adapter.deletion().delete(call(Duration.ofMillis(500))));
        assertThat(timeout.delivery()).isEqualTo(Delivery.NOT_SENT);

        stubToken(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        var reset = catchThrowableOfType(ProviderFailure.class, () -> adapter.deletion().delete(call()));
        assertThat(reset.delivery()).isEqualTo(Delivery.NOT_SENT);
        zoho.verify(0, deleteRequestedFor(urlEqualTo(LEAD_PATH)));
    }

    private dev.unifiedcrm.domain.DeletedLead deleteLead() {
        return adapter.deletion().delete(call());
    }

    private ProviderRejection rejected() {
        var rejection = catchThrowableOfType(ProviderRejection.class, this::deleteLead);
        assertThat(rejection).as("rejection").isNotNull();
        seen.add(rejection.getMessage());
        seen.add(rejection.providerMessage().orElse(""));
        seen.add(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8));
        return rejection;
    }

    private TokenRequestThrottled throttled() {
        var throttled = catchThrowableOfType(TokenRequestThrottled.class, this::deleteLead);
        assertThat(throttled).as("throttled").isNotNull();
        seen.add(throttled.getMessage());
        return throttled;
    }

    private ProviderCall call() {
        return call(Duration.ofSeconds(20));
    }

    private ProviderCall call(Duration timeout) {
        var account = new IntegratedAccount(ACCOUNT_ID, new Integration("zoho_crm"), Map.of("data_center", "eu"),
                Optional.of(URI.create(zoho.baseUrl() + "/crm/v8")), Pacing.providerDefault(),
                Credentials.of(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN)),
                Optional.of(URI.create(zoho.baseUrl() + TOKEN_PATH)));
        return new ProviderCall(account, LeadId.parse(ID, LeadIdFormat.POSITIVE_INT64), List.of(), timeout);
    }

    private void stubToken(ResponseDefinitionBuilder answer) {
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).willReturn(answer));
    }

    private void stubTokenSequence(ResponseDefinitionBuilder first, ResponseDefinitionBuilder second) {
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(first).willSetStateTo("second"));
        zoho.stubFor(post(urlEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second").willReturn(second));
    }

    private void stubDelete(ResponseDefinitionBuilder answer) {
        zoho.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(answer));
    }

    private List<LoggedRequest> tokenRequests() {
        return zoho.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH)));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(body);
    }

    private static String token(String accessToken, String lifetime) {
        return "{\"access_token\":\"" + accessToken + "\",\"scope\":\"ZohoCRM.modules.ALL\",\"token_type\":\"Bearer\","
                + lifetime + "}";
    }

    private static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8), URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }
}
