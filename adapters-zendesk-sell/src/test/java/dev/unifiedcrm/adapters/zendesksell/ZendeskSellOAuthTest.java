package dev.unifiedcrm.adapters.zendesksell;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.HandMovedClock;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CredentialStore;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.domain.spi.TokenRequestListener;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
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

/** Sell's OAuth set against WireMock: Sell's API at {@code /v2}, its token endpoint at {@code /oauth2/token}. */
class ZendeskSellOAuthTest {

    private static final String CLIENT_ID = "sell-client-81f2";
    private static final String CLIENT_SECRET = "sell-5ecret-client-secret-9d0e";
    private static final String REFRESH_TOKEN = "sell-5ecret-refresh-token-7c1a";
    private static final String FIRST_TOKEN = "sell-5ecret-access-token-a1";
    private static final String SECOND_TOKEN = "sell-5ecret-access-token-b2";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    private static final String UNAUTHORIZED = "{\"errors\":[{\"error\":{\"resource\":null,\"field\":null,\"code\":\"unauthorized\","
            + "\"message\":\"Unauthorized\",\"details\":\"Required access token is missing, malformed, expired, or invalid.\"},"
            + "\"meta\":{\"type\":\"error\"}}],\"meta\":{\"type\":\"errors\",\"http_status\":\"401 Unauthorized\",\"logref\":\"x\"}}";

    @RegisterExtension
    final WireMockExtension sell = WireMockExtension.newInstance()
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
        adapter = new ZendeskSellAdapterProvider().create(new AdapterSettings(Duration.ofSeconds(2), "unified-crm/test",
                AdapterSettings.ONE_MIB, clock, CredentialStore.NONE, metrics));
    }

    @AfterEach
    void nothingSecretWasShown() {
        root.detachAppender(logs);
        logs.list.forEach(event -> seen.add(event.getFormattedMessage()));
        for (String text : seen) {
            assertThat(text).doesNotContain(CLIENT_SECRET, REFRESH_TOKEN, FIRST_TOKEN, SECOND_TOKEN,
                    base64(CLIENT_ID + ":" + CLIENT_SECRET));
        }
    }

    @Test
    void theOAuthSetObtainsAnAccessTokenByTheRefreshGrantWithBasicClientAuthentication() {
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(token(FIRST_TOKEN))));
        sell.stubFor(delete(urlPathEqualTo("/v2/leads/42")).willReturn(aResponse().withStatus(204)));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo("42");

        sell.verify(postRequestedFor(urlPathEqualTo("/oauth2/token"))
                .withHeader("Authorization", equalTo("Basic " + base64(CLIENT_ID + ":" + CLIENT_SECRET)))
                .withHeader("Accept", equalTo("application/json"))
                .withRequestBody(equalTo("grant_type=refresh_token&refresh_token=" + REFRESH_TOKEN)));
        sell.verify(deleteRequestedFor(urlPathEqualTo("/v2/leads/42")).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN)));
        assertThat(logs.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("obtained a new access token for integrated account " + ACCOUNT_ID + " (zendesk_sell)");
    }

    @Test
    void anExpiredTokenAnswered401UnauthorizedIsRenewedOnceAndTheFetchRepeated() {
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(token(FIRST_TOKEN))).willSetStateTo("second"));
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson(token(SECOND_TOKEN))));
        sell.stubFor(get(urlPathEqualTo("/v2/leads/42")).withHeader("Authorization", equalTo("Bearer " + FIRST_TOKEN))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(UNAUTHORIZED)));
        sell.stubFor(get(urlPathEqualTo("/v2/leads/42")).withHeader("Authorization", equalTo("Bearer " + SECOND_TOKEN))
                .willReturn(okJson("{\"data\":{\"id\":42,\"first_name\":\"Mark\"},\"meta\":{\"type\":\"lead\"}}")));

        assertThat(adapter.lookup().fetch(call()).lead().id()).isEqualTo("42");

        sell.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        sell.verify(2, getRequestedFor(urlPathEqualTo("/v2/leads/42")));
    }

    @Test
    void aSecond401IsTheAnswer() {
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson(token(FIRST_TOKEN))));
        sell.stubFor(delete(urlPathEqualTo("/v2/leads/42"))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody(UNAUTHORIZED)));

        var rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerErrorCode()).hasValue("unauthorized");
        sell.verify(2, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        sell.verify(2, deleteRequestedFor(urlPathEqualTo("/v2/leads/42")));
    }

    @Test
    void aRefusedGrantIsAnswered401NamingTheAccountAndIsNotAskedAgainWithinAMinute() {
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"The refresh token is invalid.\",\"refresh_token\":\""
                        + REFRESH_TOKEN + "\"}")));

        var refused = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));
        seen.add(refused.getMessage());
        seen.add(new String(refused.providerAnswer().body(), StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.providerMessage()).hasValue("Zendesk Sell refused the credentials of integrated account "
                + ACCOUNT_ID + "; the account must be connected again: The refresh token is invalid.");
        assertThat(refused.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(Map.of("error", "invalid_grant",
                "error_description", "The refresh token is invalid.", "refresh_token", "***")));
        clock.advance(Duration.ofSeconds(50));
        assertThatThrownBy(() -> adapter.lookup().fetch(call())).isInstanceOf(ProviderRejection.class);
        sell.verify(1, postRequestedFor(urlPathEqualTo("/oauth2/token")));
        sell.verify(0, deleteRequestedFor(urlPathEqualTo("/v2/leads/42")));
        assertThat(seen).contains("zendesk_sell " + ACCOUNT_ID + " REFUSED");
    }

    @Test
    void aTokenEndpoint503IsARejectionTheCallerRetries() {
        sell.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(aResponse().withStatus(503)));

        var failure = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(failure.status()).isEqualTo(503);
        sell.verify(0, deleteRequestedFor(urlPathEqualTo("/v2/leads/42")));
    }

    @Test
    void credentialsMustBeExactlyOneSetAndTokenUrlNeedsTheOAuthSet() {
        var provider = new ZendeskSellAdapterProvider();
        provider.checkAccount(account(Map.of("access_token", "pat-1"), Optional.empty()));
        provider.checkAccount(oauthAccount());
        assertThatThrownBy(() -> provider.checkAccount(account(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET),
                Optional.empty())))
                .isInstanceOf(InvalidAccountException.class).hasMessageContaining("{client_id, client_secret, refresh_token}")
                .hasMessageNotContaining(CLIENT_SECRET)
                .extracting(e -> ((InvalidAccountException) e).field()).isEqualTo("credentials.refresh_token");
        assertThatThrownBy(() -> provider.checkAccount(account(Map.of("access_token", "pat-1", "refresh_token", REFRESH_TOKEN),
                Optional.empty())))
                .isInstanceOf(InvalidAccountException.class).extracting(e -> ((InvalidAccountException) e).field())
                .isEqualTo("credentials");
        assertThatThrownBy(() -> provider.checkAccount(account(Map.of("access_token", "pat-1"),
                Optional.of(URI.create("https://api.getbase.com/oauth2/token")))))
                .isInstanceOf(InvalidAccountException.class).extracting(e -> ((InvalidAccountException) e).field())
                .isEqualTo("token_url");
    }

    @Test
    void withoutTokenUrlTheTokenEndpointIsSells() {
        assertThat(ZendeskSellAdapterProvider.tokenEndpoint(account(Map.of("access_token", "x"), Optional.empty())).uri())
                .isEqualTo(URI.create("https://api.getbase.com/oauth2/token"));
    }

    private ProviderCall call() {
        return new ProviderCall(oauthAccount(), LeadId.parse("42", LeadIdFormat.POSITIVE_INT64), List.of(), Duration.ofSeconds(20));
    }

    private IntegratedAccount oauthAccount() {
        return account(Map.of("client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "refresh_token", REFRESH_TOKEN),
                Optional.of(URI.create(sell.baseUrl() + "/oauth2/token")));
    }

    private IntegratedAccount account(Map<String, String> credentials, Optional<URI> tokenUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("zendesk_sell"), Map.of(),
                Optional.of(URI.create(sell.baseUrl() + "/v2")), Pacing.providerDefault(), Credentials.of(credentials), tokenUrl);
    }

    private static String token(String accessToken) {
        return "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\",\"expires_in\":3600,\"refresh_token\":\""
                + REFRESH_TOKEN + "\",\"scope\":\"read write\"}";
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
