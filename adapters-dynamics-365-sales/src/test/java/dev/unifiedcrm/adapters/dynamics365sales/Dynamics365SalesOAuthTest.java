package dev.unifiedcrm.adapters.dynamics365sales;

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
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
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
import dev.unifiedcrm.provider.http.TokenEndpoint;
import org.assertj.core.api.InstanceOfAssertFactories;
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
 * The Entra ID client-credentials set against WireMock, standing in for Entra ID (the tenant's token endpoint,
 * reached through {@code token_url}) and Dataverse (the account's {@code base_url}). Time is a hand-moved clock.
 */
class Dynamics365SalesOAuthTest {

    private static final String TENANT_ID = "9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d";
    private static final String CLIENT_ID = "c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c";
    private static final String CLIENT_SECRET = "d365~5ecret.client-secret_Q8x";
    private static final String FIRST_TOKEN = "eyJ0eXAiOiJKV1Qi.first-5ecret-token.sig1";
    private static final String SECOND_TOKEN = "eyJ0eXAiOiJKV1Qi.second-5ecret-token.sig2";
    private static final String ORG_URL = "https://contoso.crm4.dynamics.com";
    private static final String TOKEN_PATH = "/" + TENANT_ID + "/oauth2/v2.0/token";
    private static final String LEAD_ID = "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34";
    private static final String LEAD_PATH = "/api/data/v9.2/leads(" + LEAD_ID + ")";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("7e2b4c6d-8f10-4a2b-9c3d-5e6f7a8b9c01").orElseThrow();
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @RegisterExtension
    final WireMockExtension server = WireMockExtension.newInstance()
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
        adapter = new Dynamics365SalesAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2),
                "unified-crm/test", AdapterSettings.ONE_MIB, clock, CredentialStore.NONE, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, FIRST_TOKEN, SECOND_TOKEN);
        }
    }

    // ---- the token request and its reuse ----

    @Test
    void theFirstCallGetsATokenByClientCredentialsPostedAsFormFieldsScopedToTheEnvironment() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599"))));
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD_ID);

        LoggedRequest tokenRequest = onlyTokenRequest();
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getHeader("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.containsHeader("Authorization")).isFalse();
        assertThat(form(tokenRequest)).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "client_credentials",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope", ORG_URL + "/.default"));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("OData-Version", equalTo("4.0")));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (dynamics_365_sales)");
        assertThat(seen).contains("dynamics_365_sales " + ACCOUNT_ID + " ISSUED");
    }

    @Test
    void withoutOrgUrlTheScopeIsTheOriginOfBaseUrl() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599"))));
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        adapter.deletion().delete(new ProviderCall(account(Map.of()), leadId(), List.of(), TIMEOUT));

        assertThat(form(onlyTokenRequest())).containsEntry("scope", server.baseUrl() + "/.default");
    }

    @Test
    void laterCallsReuseTheTokenUntilSixtySecondsBeforeItsExpiresIn() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599"))).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer(SECOND_TOKEN, "\"3599\""))));
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));
        server.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(okJson("{\"leadid\":\"" + LEAD_ID + "\"}")));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(3538));
        adapter.lookup().fetch(call());
        adapter.deletion().delete(call());
        server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));

        clock.advance(Duration.ofSeconds(1));
        adapter.deletion().delete(call());

        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(2, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        server.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    // ---- Dataverse's "token expired or invalid" ----

    @Test
    void a401WithoutBodyDropsTheTokenAndTheCallIsRepeatedOnceWithANewOne() {
        stubTwoTokens();
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(expiredToken()));
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD_ID);

        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void aSecond401IsTheAnswerAfterExactlyOneRenewal() {
        stubTwoTokens();
        server.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"0x80072560\",\"message\":\"The user is not a member of the organization.\"}}")));

        var rejection = catchFailure(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).hasValue("The user is not a member of the organization.");
        server.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        server.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void a403IsNotATokenProblem() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599"))));
        server.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"0x80040220\",\"message\":\"Principal user is missing prvDeleteLead privilege\"}}")));

        assertThat(catchFailure(ProviderRejection.class, () -> adapter.deletion().delete(call())).status()).isEqualTo(403);

        server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    // ---- what the token endpoint's failures become ----

    @Test
    void aRefusedSecretIsA401NamingTheAccountAndIsNotAskedAgainWithinAMinute() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(entraError(401, "invalid_client", 7000215,
                "AADSTS7000215: Invalid client secret provided.")));

        var refused = catchFailure(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Dynamics 365 Sales refused the credentials of integrated account "
                + ACCOUNT_ID + "; the account must be connected again: AADSTS7000215: Invalid client secret provided.");
        assertThat(refused.providerErrorCode()).hasValue("invalid_client");
        assertThat(refused.providerAnswer().parsedBody()).isInstanceOfSatisfying(RemoteBody.Json.class,
                json -> assertThat(json.value()).asInstanceOf(InstanceOfAssertFactories.MAP)
                        .containsEntry("error", "invalid_client")
                        .containsEntry("error_description", "AADSTS7000215: Invalid client secret provided.")
                        .containsEntry("trace_id", "0f1e"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(catchFailure(ProviderRejection.class, () -> adapter.lookup().fetch(call())).status()).isEqualTo(401);
        server.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        server.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
        assertThat(seen).contains("dynamics_365_sales " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aScopeOrAppUnknownToTheTenantIsARefusedGrantToo() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(entraError(400, "invalid_scope", 70011,
                "AADSTS70011: The provided value for the input parameter 'scope' is not valid.")));

        var refused = catchFailure(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).get().asString().endsWith("AADSTS70011: The provided value for the input"
                + " parameter 'scope' is not valid.");
    }

    @Test
    void a503FromEntraIsARejectionTheCallerMayRetryAndNothingWasDeleted() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)));

        assertThat(catchFailure(ProviderRejection.class, () -> adapter.deletion().delete(call())).status()).isEqualTo(503);

        server.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void a429FromEntraIsThrottlingWithItsRetryAfter() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(entraError(429, "temporarily_unavailable", 50196,
                "AADSTS50196: The server terminated an operation because it encountered a client request loop.")
                .withHeader("Retry-After", "12")));

        var throttled = catchFailure(TokenRequestThrottled.class, () -> adapter.deletion().delete(call()));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(seen).contains("dynamics_365_sales " + ACCOUNT_ID + " THROTTLED");
    }

    @Test
    void aTokenRequestTimeoutMeansTheDeleteWasNotSent() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599")).withFixedDelay(1500)));

        var timedOut = catchFailure(ProviderTimeout.class, () -> adapter.deletion()
                .delete(new ProviderCall(account(Map.of("org_url", ORG_URL)), leadId(), List.of(), Duration.ofMillis(300))));

        assertThat(timedOut.delivery()).isEqualTo(Delivery.NOT_SENT);
        server.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aRedirectFromTheTokenEndpointIsABreachAboutTheTokenEndpoint() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.microsoftonline.com/common/oauth2/v2.0/token")));

        var breach = catchFailure(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("token endpoint").doesNotContain("org_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"token_type\":\"Bearer\",\"access_token\":\"" + FIRST_TOKEN + "\"}",
            "{\"token_type\":\"Bearer\",\"expires_in\":0,\"access_token\":\"" + FIRST_TOKEN + "\"}",
            "{\"token_type\":\"Bearer\",\"expires_in\":\"an hour\",\"access_token\":\"" + FIRST_TOKEN + "\"}",
            "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"\"}",
            "{\"token_type\":\"Bearer\",\"expires_in\":3599}",
            "[{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"" + FIRST_TOKEN + "\"}]"})
    void aTokenAnswerWithoutANonEmptyTokenAndAPositiveLifetimeIsABreach(String body) {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(body)));

        var breach = catchFailure(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(new String(breach.providerAnswer().body(), StandardCharsets.UTF_8)).doesNotContain(FIRST_TOKEN);
        server.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    // ---- where the token endpoint is ----

    @Test
    void withoutTokenUrlTheEndpointIsTheTenantsAtEntraWithTheTenantInLowerCase() {
        var account = new IntegratedAccount(ACCOUNT_ID, new Integration("dynamics_365_sales"), Map.of("org_url", ORG_URL),
                Optional.empty(), Pacing.providerDefault(), Credentials.of(Map.of("tenant_id", TENANT_ID.toUpperCase(),
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)), Optional.empty());

        TokenEndpoint endpoint = Dynamics365SalesAdapterProvider.tokenEndpoint(account);

        assertThat(endpoint.uri()).isEqualTo(URI.create("https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/v2.0/token"));
        assertThat(endpoint.clientAuthentication()).isEqualTo(TokenEndpoint.ClientAuthentication.FORM);
        assertThat(endpoint.scope()).hasValue(ORG_URL + "/.default");
    }

    @Test
    void tokenUrlReplacesTheDerivedEndpoint() {
        assertThat(Dynamics365SalesAdapterProvider.tokenEndpoint(account(Map.of("org_url", ORG_URL))).uri())
                .isEqualTo(URI.create(server.baseUrl() + TOKEN_PATH));
    }

    // ---- helpers ----

    private <T extends ProviderFailure> T catchFailure(Class<T> type, Runnable call) {
        T failure = catchThrowableOfType(type, call::run);
        assertThat(failure).as("the call's failure").isNotNull();
        seen.add(failure.getMessage());
        if (failure instanceof ProviderRejection rejection) {
            seen.add(rejection.providerMessage().orElse(""));
            seen.add(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8));
        }
        return failure;
    }

    private void stubTwoTokens() {
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(tokenAnswer(FIRST_TOKEN, "3599"))).willSetStateTo("second"));
        server.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(tokenAnswer(SECOND_TOKEN, "3599"))));
    }

    private static ResponseDefinitionBuilder expiredToken() {
        return aResponse().withStatus(401).withHeader("WWW-Authenticate",
                "Bearer authorization_uri=https://login.microsoftonline.com/" + TENANT_ID + "/oauth2/authorize");
    }

    private static ResponseDefinitionBuilder entraError(int status, String error, int code, String description) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody("{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\",\"error_codes\":[" + code
                        + "],\"timestamp\":\"2026-12-01 10:00:00Z\",\"trace_id\":\"0f1e\",\"correlation_id\":\"2d3c\"}");
    }

    private static String tokenAnswer(String accessToken, String expiresIn) {
        return "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                + ",\"access_token\":\"" + accessToken + "\"}";
    }

    private LoggedRequest onlyTokenRequest() {
        List<LoggedRequest> requests = server.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            String name = URLDecoder.decode(parts[0], StandardCharsets.UTF_8);
            assertThat(fields).as("form field " + name + " sent once").doesNotContainKey(name);
            fields.put(name, URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return fields;
    }

    private ProviderCall call() {
        return new ProviderCall(account(Map.of("org_url", ORG_URL)), leadId(), List.of(), TIMEOUT);
    }

    private static LeadId leadId() {
        return LeadId.parse(LEAD_ID, new Dynamics365SalesAdapterProvider().leadIdFormat());
    }

    private IntegratedAccount account(Map<String, String> context) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("dynamics_365_sales"), context,
                Optional.of(URI.create(server.baseUrl() + "/api/data/v9.2")), Pacing.providerDefault(),
                Credentials.of(Map.of("tenant_id", TENANT_ID, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)),
                Optional.of(URI.create(server.baseUrl() + TOKEN_PATH)));
    }
}
