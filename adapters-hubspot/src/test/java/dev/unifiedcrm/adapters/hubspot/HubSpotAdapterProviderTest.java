package dev.unifiedcrm.adapters.hubspot;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.TokenEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

class HubSpotAdapterProviderTest {

    private static final String TOKEN = "pat-na1-2b7c4e1f-9a3d-4c8e-b5f6-0d1e2f3a4b5c";
    private static final IntegratedAccountId ID = IntegratedAccountId.parse("3d6f0a8e-2b1c-4e7f-9a5d-8c4b2e1f0a77").orElseThrow();

    private final HubSpotAdapterProvider provider = new HubSpotAdapterProvider();

    @Test
    void serviceLoaderFindsTheHubSpotProvider() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("hubspot")))
                .toList();

        assertThat(found).singleElement().isInstanceOf(HubSpotAdapterProvider.class);
    }

    @Test
    void namesItsIntegrationIdFormatAndDocumentedRate() {
        assertThat(provider.integration().name()).isEqualTo("hubspot");
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.POSITIVE_INT64);
        assertThat(provider.documentedRequestsPerSecond()).hasValue(10.0);
    }

    @Test
    void theStaticSetWithAndWithoutContextIsAccepted() {
        assertThatCode(() -> provider.checkAccount(account(Map.of(), Map.of("access_token", TOKEN)))).doesNotThrowAnyException();
        assertThatCode(() -> provider.checkAccount(account(
                Map.of("api_version", "2026-09", "custom_properties", "budget_eur,trade_show_name"),
                Map.of("access_token", "x".repeat(400))))).doesNotThrowAnyException();
    }

    @Test
    void theDefaultsAreTheHubApiRootAndTheFirstDateVersion() {
        IntegratedAccount account = new IntegratedAccount(ID, new Integration("hubspot"), Map.of(), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(HubSpotAdapterProvider.apiRoot(account)).isEqualTo(URI.create("https://api.hubapi.com"));
        assertThat(HubSpotAdapterProvider.apiVersion(account)).isEqualTo("2026-03");
        assertThat(HubSpotAdapterProvider.customProperties(account)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "2025-09", "2026-04", "2026-3", ""})
    void aVersionThatIsNotADateVersionFrom2026On03IsRefusedNamingTheField(String version) {
        InvalidAccountException refused = refused(account(Map.of("api_version", version), Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.api_version");
        assertThat(refused.getMessage()).contains("2026-03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Budget", "a,,b", "a, b", "hs_lead_name", "a,a", "a,"})
    void badCustomPropertiesAreRefusedNamingTheField(String configured) {
        InvalidAccountException refused = refused(account(Map.of("custom_properties", configured), Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.custom_properties");
    }

    @Test
    void aContextValueThatIsNotAStringIsRefusedNamingTheField() {
        var account = new IntegratedAccount(ID, new Integration("hubspot"), Map.of("api_version", 202603), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(refused(account).field()).isEqualTo("context.api_version");
    }

    @Test
    void anUnknownContextKeyIsRefused() {
        InvalidAccountException refused = refused(account(Map.of("portal_id", "123"), Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.portal_id");
        assertThat(refused.getMessage()).contains("api_version", "custom_properties");
    }

    @Test
    void declaresTheStaticSetAndTheRefreshGrantWhoseRefreshTokensDoNotRotate() {
        assertThat(provider.credentialSets()).extracting(CredentialSet::describe, CredentialSet::grant).containsExactly(
                tuple("{access_token}", CredentialSet.Grant.STATIC),
                tuple("{client_id, client_secret, refresh_token}", CredentialSet.Grant.REFRESH_TOKEN));
        assertThat(provider.credentialSets().get(1).secret()).containsExactlyInAnyOrder("client_secret", "refresh_token");
        assertThat(provider.rotatesRefreshTokens()).isFalse();
    }

    @Test
    void theRefreshGrantIsAcceptedWithAndWithoutTokenUrl() {
        assertThatCode(() -> provider.checkAccount(account(Map.of("api_version", "2026-09"), refreshGrant())))
                .doesNotThrowAnyException();
        assertThatCode(() -> provider.checkAccount(withTokenUrl(account(Map.of(), refreshGrant()),
                URI.create("https://oauth.example/token")))).doesNotThrowAnyException();
    }

    @Test
    void tokenUrlWithTheStaticSetIsRefused() {
        InvalidAccountException refused = refused(withTokenUrl(account(Map.of(), Map.of("access_token", TOKEN)),
                URI.create("https://api.hubapi.com/oauth/2026-03/token")));

        assertThat(refused.field()).isEqualTo("token_url");
        assertThat(refused.getMessage()).contains("{client_id, client_secret, refresh_token}");
    }

    @Test
    void aRefreshGrantWithAKeyMissingNamesTheMissingKeyAndTheAcceptedSetsWithoutShowingASecret() {
        InvalidAccountException refused = refused(account(Map.of(),
                Map.of("client_id", "hs-client", "client_secret", "hs-client-secret-value")));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).contains("{access_token} or {client_id, client_secret, refresh_token}")
                .doesNotContain("hs-client-secret-value");
    }

    @Test
    void aRefreshGrantValueOutsideVisibleAsciiIsRefusedNamingItsKeyWithoutShowingIt() {
        var credentials = new LinkedHashMap<>(refreshGrant());
        credentials.put("refresh_token", "na1-refresh token");

        InvalidAccountException refused = refused(account(Map.of(), credentials));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).contains("visible ASCII").doesNotContain("na1-refresh token");
    }

    @Test
    void theTokenEndpointIsTheAccountsDateVersionOnHubApiWithClientAuthenticationInTheFormAndThirtyMinuteTokens() {
        var endpoint = HubSpotAdapterProvider.tokenEndpoint(account(Map.of(), refreshGrant()));

        assertThat(endpoint.uri()).isEqualTo(URI.create("https://api.hubapi.com/oauth/2026-03/token"));
        assertThat(endpoint.clientAuthentication()).isEqualTo(TokenEndpoint.ClientAuthentication.FORM);
        assertThat(endpoint.scope()).isEmpty();
        assertThat(endpoint.defaultLifetime()).contains(Duration.ofSeconds(1800));
        assertThat(HubSpotAdapterProvider.tokenEndpoint(account(Map.of("api_version", "2027-09"), refreshGrant())).uri())
                .isEqualTo(URI.create("https://api.hubapi.com/oauth/2027-09/token"));
    }

    @Test
    void baseUrlDoesNotMoveTheTokenEndpointButTokenUrlReplacesIt() {
        var account = new IntegratedAccount(ID, new Integration("hubspot"), Map.of(),
                Optional.of(URI.create("https://eu-proxy.example/hs")), Pacing.providerDefault(), Credentials.of(refreshGrant()));

        assertThat(HubSpotAdapterProvider.tokenEndpoint(account).uri())
                .isEqualTo(URI.create("https://api.hubapi.com/oauth/2026-03/token"));
        assertThat(HubSpotAdapterProvider.tokenEndpoint(withTokenUrl(account, URI.create("https://oauth.example/token"))).uri())
                .isEqualTo(URI.create("https://oauth.example/token"));
    }

    @Test
    void credentialsOutsideBothSetsAreRefusedNamingTheAcceptedSets() {
        assertThat(refused(account(Map.of(), Map.of())).field()).isEqualTo("credentials");
        assertThat(refused(account(Map.of(), Map.of())).getMessage())
                .contains("hubspot takes exactly the keys {access_token} or {client_id, client_secret, refresh_token}");
        assertThat(refused(account(Map.of(), Map.of("access_token", TOKEN, "hapikey", "k"))).field())
                .isEqualTo("credentials.hapikey");
        assertThat(refused(account(Map.of(), Map.of("access_token", "with space"))).getMessage()).doesNotContain("with space");
        assertThat(refused(account(Map.of(), Map.of("access_token", TOKEN, "client_id", "c"))).field()).isEqualTo("credentials");
    }

    @Test
    void anAccountOfAnotherIntegrationIsRefused() {
        var account = new IntegratedAccount(ID, new Integration("pipedrive"), Map.of(), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(refused(account).field()).isEqualTo("integration");
    }

    @Test
    void customPropertiesKeepTheConfiguredOrder() {
        var account = account(Map.of("custom_properties", "zeta,alpha"), Map.of("access_token", TOKEN));

        assertThat(HubSpotAdapterProvider.customProperties(account)).isEqualTo(List.of("zeta", "alpha"));
    }

    private InvalidAccountException refused(IntegratedAccount account) {
        return catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account));
    }

    private static Map<String, String> refreshGrant() {
        return Map.of("client_id", "5f1c2d3e-hs-client", "client_secret", "hs-client-secret-value",
                "refresh_token", "na1-refresh-token-value");
    }

    private static IntegratedAccount withTokenUrl(IntegratedAccount account, URI tokenUrl) {
        return new IntegratedAccount(account.id(), account.integration(), account.context(), account.baseUrl(),
                account.pacing(), account.credentials(), Optional.of(tokenUrl));
    }

    private static IntegratedAccount account(Map<String, String> context, Map<String, String> credentials) {
        return new IntegratedAccount(ID, new Integration("hubspot"), context, Optional.of(URI.create("https://api.hubapi.com")),
                Pacing.providerDefault(), Credentials.of(credentials));
    }
}
