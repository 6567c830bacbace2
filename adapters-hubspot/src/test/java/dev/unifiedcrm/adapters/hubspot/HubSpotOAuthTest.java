package dev.unifiedcrm.adapters.hubspot;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
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
import org.junit.jupiter.params.provider.CsvSource;
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
import java.util.concurrent.ConcurrentHashMap;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
 * HubSpot's refresh grant against WireMock: the CRM objects API below {@code /hs}, the token endpoint at
 * {@code /oauth/2026-03/token} (the account's {@code token_url}), time moved by hand. The delete's own
 * behaviour is {@link HubSpotLeadDeletionAdapterTest}'s; this class is about where its token comes from.
 */
class HubSpotOAuthTest {

    private static final String CLIENT_ID = "5f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String CLIENT_SECRET = "hs-5ecret-client-d41d8cd9";
    private static final String REFRESH_TOKEN = "na1-5ecret-refresh-6f18f26a";
    private static final String ROTATED_REFRESH_TOKEN = "na1-5ecret-refresh-rotated-77b1";
    private static final String FIRST_TOKEN = "CKDZpunPLhICAQEY-5ecret-first";
    private static final String SECOND_TOKEN = "CKDZpunPLhICAQEY-5ecret-second";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("7a1e5c3b-9d2f-4b8a-8e6c-1f0d2a3b4c5d").orElseThrow();
    private static final String TOKEN_PATH = "/oauth/2026-03/token";
    private static final String LEAD_PATH = "/hs/crm/objects/2026-03/leads/38475629104";
    private static final String USER_AGENT = "unified-crm/test";

    @RegisterExtension
    final WireMockExtension hubspot = WireMockExtension.newInstance()
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
        adapter = new HubSpotAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), USER_AGENT,
                AdapterSettings.ONE_MIB, clock, store, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, ROTATED_REFRESH_TOKEN, FIRST_TOKEN, SECOND_TOKEN);
        }
    }

    @Test
    void theFirstCallPostsTheRefreshGrantWithTheClientInTheFormAndTheDeleteCarriesTheNewToken() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token(FIRST_TOKEN, 1800))));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo("38475629104");

        LoggedRequest tokenRequest = only(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokenRequest.getUrl()).isEqualTo(TOKEN_PATH);
        assertThat(tokenRequest.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.getHeader("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(tokenRequest.containsHeader("Authorization")).as("no Basic client authentication").isFalse();
        assertThat(form(tokenRequest)).containsExactlyInAnyOrderEntriesOf(Map.of("grant_type", "refresh_token",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN));
        hubspot.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH))
                .withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo(USER_AGENT)));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (hubspot)");
        assertThat(seen).contains("hubspot " + ACCOUNT_ID + " ISSUED");
    }

    @Test
    void laterCallsReuseTheTokenUntilSixtySecondsBeforeItsThirtyMinutesEnd() {
        stubTokens(token(FIRST_TOKEN, 1800), token(SECOND_TOKEN, 1800));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));
        hubspot.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(lead()));

        adapter.lookup().fetch(call());
        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(1739));
        adapter.deletion().delete(call());
        hubspot.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        clock.advance(Duration.ofSeconds(1));
        adapter.deletion().delete(call());

        hubspot.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        hubspot.verify(1, getRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        hubspot.verify(2, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        hubspot.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void aTokenAnswerWithoutExpiresInIsTakenToLastThirtyMinutes() {
        stubTokens("{\"access_token\":\"" + FIRST_TOKEN + "\",\"token_type\":\"bearer\"}", token(SECOND_TOKEN, 1800));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofSeconds(1739));
        adapter.deletion().delete(call());
        hubspot.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        clock.advance(Duration.ofSeconds(1));
        adapter.deletion().delete(call());

        hubspot.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        hubspot.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EXPIRED_AUTHENTICATION|The OAuth token used to make this call expired 0 second(s) ago.",
            "INVALID_AUTHENTICATION|Authentication credentials not found."})
    void hubSpotsTokenExpiredOrInvalidAnswerEarnsOneNewTokenAndOneRepeat(String category, String message) {
        stubTokens(token(FIRST_TOKEN, 1800), token(SECOND_TOKEN, 1800));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(unauthorized(category, message)));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call()).answer().status()).isEqualTo(204);

        hubspot.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)).withRequestBody(
                containing("grant_type=refresh_token")));
        hubspot.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        hubspot.verify(1, deleteRequestedFor(urlPathEqualTo(LEAD_PATH)).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN)));
    }

    @Test
    void aSecond401IsTheAnswerWithHubSpotsMessage() {
        stubTokens(token(FIRST_TOKEN, 1800), token(SECOND_TOKEN, 1800));
        hubspot.stubFor(get(urlPathEqualTo(LEAD_PATH)).willReturn(unauthorized("EXPIRED_AUTHENTICATION",
                "The OAuth token used to make this call expired 0 second(s) ago.")));

        ProviderRejection rejection = failure(ProviderRejection.class, () -> adapter.lookup().fetch(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerErrorCode()).contains("EXPIRED_AUTHENTICATION");
        assertThat(rejection.providerMessage()).contains("The OAuth token used to make this call expired 0 second(s) ago.");
        hubspot.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        hubspot.verify(2, getRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aRefusedRefreshTokenIs401NamingTheAccountAndTheEndpointIsNotAskedAgainWithinAMinute() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"refresh token is invalid, expired or revoked\","
                        + "\"status\":\"BAD_REFRESH_TOKEN\",\"message\":\"refresh token is invalid, expired or revoked\"}")));

        ProviderRejection refused = failure(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).contains("HubSpot refused the credentials of integrated account " + ACCOUNT_ID
                + "; the account must be connected again: refresh token is invalid, expired or revoked");
        assertThat(refused.providerErrorCode()).contains("invalid_grant");
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("error", "invalid_grant",
                "error_description", "refresh token is invalid, expired or revoked", "status", "BAD_REFRESH_TOKEN",
                "message", "refresh token is invalid, expired or revoked")));
        clock.advance(Duration.ofSeconds(59));
        assertThat(failure(ProviderRejection.class, () -> adapter.lookup().fetch(call())).status()).isEqualTo(401);
        hubspot.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
        assertThat(hubspot.findAll(getRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
        assertThat(seen).contains("hubspot " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aRefusedClientAnswered401WithAnEchoedSecretIsARefusedGrantWithTheSecretMasked() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"client is invalid\",\"status\":\"BAD_CLIENT_ID\","
                        + "\"message\":\"client is invalid\",\"client_secret\":\"" + CLIENT_SECRET + "\"}")));

        ProviderRejection refused = failure(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValueSatisfying(message -> assertThat(message)
                .contains(ACCOUNT_ID.toString(), "client is invalid"));
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("error", "invalid_client",
                "error_description", "client is invalid", "status", "BAD_CLIENT_ID", "message", "client is invalid",
                "client_secret", "***")));
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
    }

    @Test
    void aTokenEndpoint5xxIsARejectionOfThatStatusAndNothingIsDeleted() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "text/html").withBody("<html>Service Unavailable</html>")));

        ProviderRejection failure = failure(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
    }

    @Test
    void aTokenEndpoint429IsThrottlingWithItsRetryAfterAndNothingIsDeleted() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")));

        TokenRequestThrottled throttled = failure(TokenRequestThrottled.class, () -> adapter.deletion().delete(call()));

        assertThat(throttled.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerInTimeIsATimeoutWhoseDeleteWasNotSent() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(token(FIRST_TOKEN, 1800)).withFixedDelay(1500)));
        var call = new ProviderCall(account(), LeadId.parse("38475629104", LeadIdFormat.POSITIVE_INT64), List.of(),
                Duration.ofMillis(300));

        ProviderTimeout timeout = failure(ProviderTimeout.class, () -> adapter.deletion().delete(call));

        assertThat(timeout.delivery()).isEqualTo(Delivery.NOT_SENT);
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
    }

    @Test
    void aTokenAnswerWithoutAnAccessTokenBreaksTheContract() {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson("{\"refresh_token\":\"" + REFRESH_TOKEN
                + "\",\"expires_in\":1800,\"token_type\":\"bearer\"}")));

        ProviderContractBreach breach = failure(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.status()).isEqualTo(200);
        assertThat(new String(breach.providerAnswer().body(), StandardCharsets.UTF_8)).contains("\"refresh_token\":\"***\"");
        assertThat(hubspot.findAll(deleteRequestedFor(urlPathEqualTo(LEAD_PATH)))).isEmpty();
    }

    @Test
    void aNewRefreshTokenInAnAnswerReplacesTheOldOneForTheNextRenewal() {
        stubTokens(token(FIRST_TOKEN, 1800, ROTATED_REFRESH_TOKEN), token(SECOND_TOKEN, 1800, ROTATED_REFRESH_TOKEN));
        hubspot.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(204)));

        adapter.deletion().delete(call());
        clock.advance(Duration.ofMinutes(30));
        adapter.deletion().delete(call());

        List<LoggedRequest> tokenRequests = hubspot.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
        assertThat(tokenRequests).extracting(request -> form(request).get("refresh_token"))
                .containsExactly(REFRESH_TOKEN, ROTATED_REFRESH_TOKEN);
        assertThat(store.saved).containsEntry(ACCOUNT_ID, ROTATED_REFRESH_TOKEN);
    }

    // ---- helpers ----

    private <T extends ProviderFailure> T failure(Class<T> type, Runnable call) {
        T failure = catchThrowableOfType(type, call::run);
        assertThat(failure).as("expected a %s", type.getSimpleName()).isNotNull();
        seen.add(String.valueOf(failure.getMessage()));
        if (failure instanceof ProviderRejection rejection) {
            seen.add(rejection.providerMessage().orElse(""));
            seen.add(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8));
        }
        return failure;
    }

    private LoggedRequest only(RequestPatternBuilder pattern) {
        List<LoggedRequest> found = hubspot.findAll(pattern);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private void stubTokens(String first, String second) {
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(first)).willSetStateTo("second"));
        hubspot.stubFor(post(urlPathEqualTo(TOKEN_PATH)).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(second)));
    }

    private ProviderCall call() {
        return new ProviderCall(account(), LeadId.parse("38475629104", LeadIdFormat.POSITIVE_INT64), List.of(), Duration.ofSeconds(20));
    }

    private IntegratedAccount account() {
        var credentials = new LinkedHashMap<String, String>();
        credentials.put("client_id", CLIENT_ID);
        credentials.put("client_secret", CLIENT_SECRET);
        credentials.put("refresh_token", REFRESH_TOKEN);
        return new IntegratedAccount(ACCOUNT_ID, new Integration("hubspot"), Map.of(),
                Optional.of(URI.create(hubspot.baseUrl() + "/hs")), Pacing.providerDefault(), Credentials.of(credentials),
                Optional.of(URI.create(hubspot.baseUrl() + TOKEN_PATH)));
    }

    private static ResponseDefinitionBuilder unauthorized(String category, String message) {
        return aResponse().withStatus(401).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody("{\"status\":\"error\",\"message\":\"" + message + "\",\"correlationId\":\"6b1f4c2e-8d3a-4e5b-9c7d-1a2b3c4d5e6f\","
                        + "\"category\":\"" + category + "\"}");
    }

    private static ResponseDefinitionBuilder lead() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json;charset=utf-8")
                .withBody(Answers.resource("lead.json"));
    }

    /** HubSpot's token answer; the refresh token comes back unchanged. */
    private static String token(String accessToken, int expiresIn) {
        return token(accessToken, expiresIn, REFRESH_TOKEN);
    }

    private static String token(String accessToken, int expiresIn, String refreshToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"refresh_token\":\"" + refreshToken + "\",\"expires_in\":" + expiresIn
                + ",\"token_type\":\"bearer\",\"token_use\":\"access_token\",\"hub_id\":12345678,\"user_id\":987654,"
                + "\"scopes\":[\"crm.objects.leads.read\",\"crm.objects.leads.write\",\"oauth\"]}";
    }

    private static Map<String, String> form(LoggedRequest request) {
        var fields = new LinkedHashMap<String, String>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return fields;
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
