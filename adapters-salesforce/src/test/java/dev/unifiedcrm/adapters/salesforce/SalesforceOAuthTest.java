package dev.unifiedcrm.adapters.salesforce;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.core.type.TypeReference;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Salesforce's three OAuth sets against WireMock: the API at {@code /services/data/v64.0} ({@code base_url}), the
 * token endpoint at {@code /services/oauth2/token} ({@code token_url}), time moved by hand.
 */
class SalesforceOAuthTest {

    private static final String API = "/services/data/v64.0";
    private static final String TOKEN_PATH = "/services/oauth2/token";
    private static final String LEAD_ID = "00QHs00000Lk3pRMAR";
    private static final String LEAD_PATH = API + "/sobjects/Lead/" + LEAD_ID;
    private static final String CLIENT_ID = "3MVG9fakeConsumerKeyForTests";
    private static final String CLIENT_SECRET = "sf-5ecret-consumer-secret-40c1";
    private static final String REFRESH_TOKEN = "5Aep8-5ecret-refresh-token-11aa";
    private static final String ROTATED_REFRESH_TOKEN = "5Aep8-5ecret-rotated-refresh-token-22bb";
    private static final String USERNAME = "integration@acme.example";
    private static final String FIRST_TOKEN = "00DHs000000Xyz1!5ecret.first.access.token";
    private static final String SECOND_TOKEN = "00DHs000000Xyz1!5ecret.second.access.token";
    private static final KeyPair KEYS = RsaKeys.SHARED;
    private static final String KEY_PEM = RsaKeys.pem(KEYS.getPrivate());
    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow();
    private static final String INVALID_SESSION = "[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]";

    /** The three OAuth sets, each with the credentials of a test account and the form its token request must carry. */
    enum Grant {
        CLIENT_CREDENTIALS(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)),
        REFRESH_TOKEN(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", SalesforceOAuthTest.REFRESH_TOKEN)),
        JWT_BEARER(Map.of("client_id", CLIENT_ID, "username", USERNAME, "private_key", KEY_PEM));

        final Map<String, String> credentials;

        Grant(Map<String, String> credentials) {
            this.credentials = credentials;
        }
    }

    @RegisterExtension
    final WireMockExtension salesforce = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final HandMovedClock clock = new HandMovedClock(START);
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private CrmAdapter adapter;

    @BeforeEach
    void setUp() {
        logs.start();
        root.addAppender(logs);
        TokenRequestListener metrics = (integration, account, outcome) -> seen.add(integration + " " + account + " " + outcome);
        adapter = new SalesforceAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test",
                AdapterSettings.ONE_MIB, clock, CredentialStore.NONE, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        String keyBody = KEY_PEM.lines().filter(line -> !line.startsWith("-----")).findFirst().orElseThrow();
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, ROTATED_REFRESH_TOKEN, FIRST_TOKEN, SECOND_TOKEN,
                    keyBody, "eyJ");
        }
    }

    // ---- obtaining and keeping a token ----

    @ParameterizedTest
    @EnumSource(Grant.class)
    void theFirstCallObtainsATokenByTheGrantsFormFieldsAndTheDeleteCarriesIt(Grant grant) throws Exception {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call(grant)).id()).isEqualTo(LEAD_ID);

        LoggedRequest tokenRequest = onlyTokenRequest();
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getHeader("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.containsHeader("Authorization")).as("never HTTP Basic").isFalse();
        Map<String, String> form = form(tokenRequest.getBodyAsString());
        switch (grant) {
            case CLIENT_CREDENTIALS -> assertThat(form).isEqualTo(Map.of("grant_type", "client_credentials",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            case REFRESH_TOKEN -> assertThat(form).isEqualTo(Map.of("grant_type", "refresh_token",
                    "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));
            case JWT_BEARER -> {
                assertThat(form).containsOnlyKeys("grant_type", "assertion")
                        .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
                assertAssertion(form.get("assertion"), "https://login.salesforce.com", START);
            }
        }
        salesforce.verify(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        assertThat(seen).containsExactly("salesforce " + ACCOUNT_ID + " ISSUED");
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (salesforce)");
    }

    @ParameterizedTest
    @EnumSource(Grant.class)
    void aTokenWithoutLifetimeIsKeptForLaterCallsHoweverMuchTimePasses(Grant grant) {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));
        salesforce.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(okJson(
                "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"" + LEAD_ID + "\",\"LastName\":\"Doe\"}")));

        adapter.lookup().fetch(call(grant));
        clock.advance(Duration.ofHours(12));
        adapter.deletion().delete(call(grant));

        salesforce.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        salesforce.verify(getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        salesforce.verify(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
    }

    @ParameterizedTest
    @EnumSource(Grant.class)
    void invalidSessionIdMakesExactlyOneNewTokenAndOneRepeat(Grant grant) throws Exception {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(tokenAnswer(FIRST_TOKEN)).willSetStateTo("second"));
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(tokenAnswer(SECOND_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(sessionExpired()));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204).withHeader("Sforce-Limit-Info", "api-usage=7/15000")));
        salesforce.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(okJson(
                "{\"attributes\":{\"type\":\"Lead\"},\"Id\":\"" + LEAD_ID + "\",\"LastName\":\"Doe\"}")));
        adapter.lookup().fetch(call(grant));
        clock.advance(Duration.ofHours(3));

        var deleted = adapter.deletion().delete(call(grant));

        assertThat(deleted.answer().status()).isEqualTo(204);
        assertThat(deleted.answer().rateLimit()).containsEntry("ratelimit-remaining", "14993");
        salesforce.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        salesforce.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        salesforce.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
        if (grant == Grant.JWT_BEARER) {
            var requests = salesforce.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
            assertAssertion(form(requests.get(1).getBodyAsString()).get("assertion"), "https://login.salesforce.com",
                    START.plus(Duration.ofHours(3)));
        }
    }

    @Test
    void aSecondInvalidSessionIdIsAnswered401WithoutAThirdToken() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(sessionExpired()));

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call(Grant.CLIENT_CREDENTIALS)));
        seen.add(rejection.getMessage());

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerErrorCode()).contains("INVALID_SESSION_ID");
        assertThat(rejection.providerMessage()).contains("Session expired or invalid");
        salesforce.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        salesforce.verify(2, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void anotherKindOf401IsAnsweredAtOnceWithoutANewToken() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("[{\"message\":\"This session is not valid for use with the REST API\",\"errorCode\":\"API_DISABLED_FOR_ORG\"}]")));

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call(Grant.REFRESH_TOKEN)));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerErrorCode()).contains("API_DISABLED_FOR_ORG");
        salesforce.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        salesforce.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void theTokenAnswersInstanceUrlIsNeverFollowed() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        adapter.deletion().delete(call(Grant.CLIENT_CREDENTIALS));

        // The answer named http://127.0.0.1:1/elsewhere; the delete still went to the configured root.
        salesforce.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    // ---- the token endpoint's failures ----

    @ParameterizedTest
    @EnumSource(Grant.class)
    void aRefusedGrantIsAnswered401NamingTheAccountAndIsNotAskedAgainWithinAMinute(Grant grant) {
        String description = switch (grant) {
            case CLIENT_CREDENTIALS -> "no client credentials user enabled";
            case REFRESH_TOKEN -> "expired access/refresh token";
            case JWT_BEARER -> "user hasn't approved this consumer";
        };
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=UTF-8")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"" + description + "\",\"refresh_token\":\""
                        + REFRESH_TOKEN + "\"}")));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call(grant)));
        seen.add(refused.getMessage());
        seen.add(new String(refused.providerAnswer().body(), StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Salesforce refused the credentials of integrated account "
                + ACCOUNT_ID + "; the account must be connected again: " + description);
        assertThat(refused.providerErrorCode()).hasValue("invalid_grant");
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("error", "invalid_grant",
                "error_description", description, "refresh_token", "***")));
        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(() -> adapter.lookup().fetch(call(grant))).isInstanceOf(ProviderRejection.class);
        salesforce.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(seen).contains("salesforce " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aTokenEndpoint429IsThrottlingWithItsRetryAfter() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        var throttled = catchThrowableOfType(TokenRequestThrottled.class, () -> adapter.deletion().delete(call(Grant.JWT_BEARER)));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(seen).contains("salesforce " + ACCOUNT_ID + " THROTTLED");
    }

    @Test
    void aTokenEndpoint5xxIsARejectionWithItsStatusAndNoDelete() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>Maintenance</html>")));

        var failure = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call(Grant.CLIENT_CREDENTIALS)));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(seen).contains("salesforce " + ACCOUNT_ID + " FAILED");
    }

    @Test
    void aTokenEndpointThatTimesOutLeavesTheDeleteNotSent() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN).withFixedDelay(600)));

        var timedOut = catchThrowableOfType(ProviderTimeout.class,
                () -> adapter.deletion().delete(call(account(Grant.REFRESH_TOKEN.credentials, Map.of()), Duration.ofMillis(200))));

        assertThat(timedOut.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(timedOut.getMessage()).contains("not sent");
    }

    @Test
    void aTokenEndpointRedirectIsABreachAboutTheTokenEndpoint() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://login.salesforce.com/services/oauth2/token")));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call(Grant.CLIENT_CREDENTIALS)));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("token endpoint").doesNotContain("answered the delete");
        salesforce.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void anApiRedirectAfterATokenStillPointsAtTheInstanceUrl() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "https://acme.lightning.force.com/")));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call(Grant.CLIENT_CREDENTIALS)));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("answered the delete", "instance_url");
    }

    @Test
    void aTwoHundredWithoutAnAccessTokenIsABreach() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(
                "{\"signature\":\"x\",\"instance_url\":\"https://acme.my.salesforce.com\",\"token_type\":\"Bearer\"}")));

        var breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call(Grant.JWT_BEARER)));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.status()).isEqualTo(200);
        salesforce.verify(0, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    // ---- rotation ----

    @Test
    void aRotatedRefreshTokenIsUsedNextAndWarnedAboutOnceWithoutItsValue() {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"access_token\":\"" + FIRST_TOKEN + "\","
                + "\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\",\"instance_url\":\"https://acme.my.salesforce.com\","
                + "\"token_type\":\"Bearer\",\"issued_at\":\"1709635521000\"}")));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(sessionExpired()));

        catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call(Grant.REFRESH_TOKEN)));

        var requests = salesforce.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(requests).hasSize(2);
        assertThat(form(requests.get(0).getBodyAsString())).containsEntry("refresh_token", REFRESH_TOKEN);
        assertThat(form(requests.get(1).getBodyAsString())).containsEntry("refresh_token", ROTATED_REFRESH_TOKEN);
        assertThat(logs.list).filteredOn(event -> event.getLevel() == Level.WARN)
                .extracting(ILoggingEvent::getFormattedMessage).singleElement().asString()
                .contains("integrated account " + ACCOUNT_ID, "rotates refresh tokens", "credentials.refresh_token");
    }

    // ---- where tokens come from ----

    @Test
    void theTokenEndpointIsTheMyDomainsUnlessTokenUrlReplacesIt() {
        var myDomain = new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"),
                Map.of("instance_url", "https://ACME.my.salesforce.com/"), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Grant.CLIENT_CREDENTIALS.credentials));

        TokenEndpoint derived = SalesforceAdapterProvider.tokenEndpoint(myDomain);

        assertThat(derived).isEqualTo(new TokenEndpoint(URI.create("https://acme.my.salesforce.com/services/oauth2/token"),
                TokenEndpoint.ClientAuthentication.FORM, Optional.empty(), Optional.empty()));
        assertThat(SalesforceAdapterProvider.tokenEndpoint(account(Grant.CLIENT_CREDENTIALS.credentials,
                Map.of("instance_url", "https://acme.my.salesforce.com"))).uri())
                .isEqualTo(URI.create(salesforce.baseUrl() + TOKEN_PATH));
    }

    @Test
    void theAssertionsAudienceIsTheLoginHostNotTheMyDomain() {
        var production = new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"),
                Map.of("instance_url", "https://acme.my.salesforce.com"), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Grant.JWT_BEARER.credentials));
        var sandbox = new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"),
                Map.of("instance_url", "https://acme--uat.sandbox.my.salesforce.com", "login_url", "https://test.salesforce.com"),
                Optional.empty(), Pacing.providerDefault(), Credentials.of(Grant.JWT_BEARER.credentials));

        assertThat(SalesforceAdapterProvider.tokenEndpoint(production).assertionAudience()).contains("https://login.salesforce.com");
        assertThat(SalesforceAdapterProvider.tokenEndpoint(sandbox).uri())
                .isEqualTo(URI.create("https://acme--uat.sandbox.my.salesforce.com/services/oauth2/token"));
        assertThat(SalesforceAdapterProvider.tokenEndpoint(sandbox).assertionAudience()).contains("https://test.salesforce.com");
    }

    @Test
    void aSandboxLoginUrlBecomesTheAudienceOfTheAssertionSent() throws Exception {
        salesforce.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(tokenAnswer(FIRST_TOKEN)));
        salesforce.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        adapter.deletion().delete(call(account(Grant.JWT_BEARER.credentials, Map.of("login_url", "https://test.salesforce.com")),
                Duration.ofSeconds(5)));

        assertAssertion(form(onlyTokenRequest().getBodyAsString()).get("assertion"), "https://test.salesforce.com", START);
    }

    // ---- helpers ----

    private LoggedRequest onlyTokenRequest() {
        List<LoggedRequest> requests = salesforce.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(requests).hasSize(1);
        return requests.get(0);
    }

    private ProviderCall call(Grant grant) {
        return call(account(grant.credentials, Map.of()), Duration.ofSeconds(5));
    }

    private static ProviderCall call(IntegratedAccount account, Duration timeout) {
        return new ProviderCall(account, LeadId.parse(LEAD_ID, new SalesforceAdapterProvider().leadIdFormat()), List.of(), timeout);
    }

    private IntegratedAccount account(Map<String, String> credentials, Map<String, String> context) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("salesforce"), context,
                Optional.of(URI.create(salesforce.baseUrl() + API)), Pacing.providerDefault(), Credentials.of(credentials),
                Optional.of(URI.create(salesforce.baseUrl() + TOKEN_PATH)));
    }

    /** Salesforce's token answer: no {@code expires_in}, an {@code instance_url} that must not be followed. */
    private static ResponseDefinitionBuilder tokenAnswer(String accessToken) {
        return okJson("{\"access_token\":\"" + accessToken + "\",\"signature\":\"nUFHfakeSignature=\",\"scope\":\"api\","
                + "\"instance_url\":\"http://127.0.0.1:1/elsewhere\",\"id\":\"https://login.salesforce.com/id/00DHs000000Xyz1MAC/"
                + "005Hs00000A9tQwIAJ\",\"token_type\":\"Bearer\",\"issued_at\":\"1709635521000\"}");
    }

    private static ResponseDefinitionBuilder sessionExpired() {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json;charset=UTF-8").withBody(INVALID_SESSION);
    }

    private static Map<String, String> form(String body) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            String previous = fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            assertThat(previous).as("a form field sent twice").isNull();
        }
        return fields;
    }

    /** The assertion is an RS256 JWT signed by the account's key, for this client, user, audience and moment. */
    private static void assertAssertion(String jwt, String audience, Instant issuedAt) throws GeneralSecurityException {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(json(parts[0])).isEqualTo(Map.of("alg", "RS256"));
        Map<String, Object> claims = json(parts[1]);
        assertThat(claims).containsOnlyKeys("iss", "sub", "aud", "exp")
                .containsEntry("iss", CLIENT_ID).containsEntry("sub", USERNAME).containsEntry("aud", audience);
        assertThat(((Number) claims.get("exp")).longValue()).as("exp: 180 s after the clock's now, in epoch seconds")
                .isEqualTo(issuedAt.plusSeconds(180).getEpochSecond());
        var verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(KEYS.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).as("signed with the account's key").isTrue();
    }

    private static Map<String, Object> json(String base64Url) {
        try {
            return Answers.JSON.readValue(Base64.getUrlDecoder().decode(base64Url), new TypeReference<>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
