package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.TokenEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipedriveAdapterProviderTest {

    private static final String TOKEN = "6f1d2c9e0b7a4d3f8e5a1b2c3d4e5f60718293a4";
    private static final IntegratedAccountId ID = IntegratedAccountId.parse("5b2c9e14-7a3d-4f6b-8c1e-0d9a8b7c6e5f").orElseThrow();

    private final PipedriveAdapterProvider provider = new PipedriveAdapterProvider();

    @Test
    void serviceLoaderFindsThePipedriveProvider() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("pipedrive")))
                .toList();

        assertThat(found).singleElement().isInstanceOf(PipedriveAdapterProvider.class);
    }

    @Test
    void namesItsIntegrationIdFormatAndDocumentedRate() {
        assertThat(provider.integration().name()).isEqualTo("pipedrive");
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.UUID);
        assertThat(provider.documentedRequestsPerSecond()).hasValue(10.0);
    }

    @Test
    void theStaticSetWithACompanyDomainIsAcceptedAndGivesTheCompanysApiRoot() {
        IntegratedAccount account = account(Map.of("company_domain", "acme"), Optional.empty(), Map.of("api_token", TOKEN));

        assertThatCode(() -> provider.checkAccount(account)).doesNotThrowAnyException();
        assertThat(PipedriveAdapterProvider.apiRoot(account)).isEqualTo(URI.create("https://acme.pipedrive.com/api/v1"));
    }

    @Test
    void aBaseUrlReplacesTheDerivedRootAndMakesTheCompanyDomainOptional() {
        IntegratedAccount account = account(Map.of(), Optional.of(URI.create("https://proxy.example/pd/api/v1/")),
                Map.of("api_token", TOKEN));

        assertThatCode(() -> provider.checkAccount(account)).doesNotThrowAnyException();
        assertThat(PipedriveAdapterProvider.apiRoot(account)).isEqualTo(URI.create("https://proxy.example/pd/api/v1"));
    }

    @Test
    void withoutCompanyDomainOrBaseUrlTheAccountIsRefusedNamingTheField() {
        InvalidAccountException refused = refused(account(Map.of(), Optional.empty(), Map.of("api_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.company_domain");
        assertThat(refused.getMessage()).contains("required", "acme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Acme", "-acme", "acme.pipedrive.com", "a_b"})
    void aCompanyDomainThatIsNotASubdomainIsRefused(String domain) {
        assertThat(refused(account(Map.of("company_domain", domain), Optional.empty(), Map.of("api_token", TOKEN))).field())
                .isEqualTo("context.company_domain");
    }

    @Test
    void aCompanyDomainThatIsNotAStringIsRefusedNamingTheField() {
        var account = new IntegratedAccount(ID, new Integration("pipedrive"), Map.of("company_domain", Map.of("name", "acme")),
                Optional.empty(), Pacing.providerDefault(), Credentials.of(Map.of("api_token", TOKEN)));

        assertThat(refused(account).field()).isEqualTo("context.company_domain");
    }

    @Test
    void anUnknownContextKeyIsRefused() {
        assertThat(refused(account(Map.of("company_domain", "acme", "api_domain", "x"), Optional.empty(),
                Map.of("api_token", TOKEN))).field()).isEqualTo("context.api_domain");
    }

    @Test
    void theRefreshGrantIsAcceptedAndPipedriveSaysItRotatesRefreshTokens() {
        IntegratedAccount account = account(Map.of("company_domain", "acme"), Optional.empty(), oauthCredentials());

        assertThatCode(() -> provider.checkAccount(account)).doesNotThrowAnyException();
        assertThat(provider.credentialSets()).extracting(set -> set.grant().isOAuth()).containsExactly(false, true);
        assertThat(provider.rotatesRefreshTokens()).isTrue();
    }

    @Test
    void anIncompleteRefreshGrantNamesTheMissingKeyAndBothSetsWithoutShowingASecret() {
        var credentials = new LinkedHashMap<>(oauthCredentials());
        credentials.remove("refresh_token");

        InvalidAccountException refused = refused(account(Map.of("company_domain", "acme"), Optional.empty(), credentials));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).contains("{api_token}", "{client_id, client_secret, refresh_token}")
                .doesNotContain("pd-client-secret-value");
    }

    @Test
    void aTokenUrlIsOnlyAcceptedWithTheRefreshGrant() {
        URI tokenUrl = URI.create("https://oauth.example/oauth/token");
        assertThatCode(() -> provider.checkAccount(account(Map.of("company_domain", "acme"), Optional.empty(),
                oauthCredentials(), Optional.of(tokenUrl)))).doesNotThrowAnyException();

        InvalidAccountException refused = refused(account(Map.of("company_domain", "acme"), Optional.empty(),
                Map.of("api_token", TOKEN), Optional.of(tokenUrl)));

        assertThat(refused.field()).isEqualTo("token_url");
        assertThat(refused.getMessage()).contains("{client_id, client_secret, refresh_token}").doesNotContain(TOKEN);
    }

    @Test
    void theTokenEndpointIsPipedrivesWithBasicClientAuthenticationUnlessTokenUrlReplacesIt() {
        var withBaseUrl = account(Map.of(), Optional.of(URI.create("https://proxy.example/pd/api/v1")), oauthCredentials());
        var endpoint = PipedriveAdapterProvider.tokenEndpoint(withBaseUrl);

        assertThat(endpoint.uri()).as("base_url does not move it").isEqualTo(URI.create("https://oauth.pipedrive.com/oauth/token"));
        assertThat(endpoint.clientAuthentication()).isEqualTo(TokenEndpoint.ClientAuthentication.BASIC);
        assertThat(endpoint.scope()).isEmpty();
        assertThat(endpoint.defaultLifetime()).hasValue(Duration.ofHours(1));
        assertThat(PipedriveAdapterProvider.tokenEndpoint(account(Map.of("company_domain", "acme"), Optional.empty(),
                oauthCredentials(), Optional.of(URI.create("https://oauth.example/token")))).uri())
                .isEqualTo(URI.create("https://oauth.example/token"));
    }

    @Test
    void credentialsOutsideBothSetsAreRefused() {
        Map<String, String> context = Map.of("company_domain", "acme");
        assertThat(refused(account(context, Optional.empty(), Map.of("access_token", TOKEN))).field())
                .isEqualTo("credentials.access_token");
        assertThat(refused(account(context, Optional.empty(), Map.of("api_token", TOKEN, "client_id", "c"))).field())
                .isEqualTo("credentials");
        assertThat(refused(account(context, Optional.empty(), Map.of("api_token", "with space"))).getMessage())
                .doesNotContain("with space");
        var spaced = new LinkedHashMap<>(oauthCredentials());
        spaced.put("client_secret", "pd client secret");
        assertThat(refused(account(context, Optional.empty(), spaced))).satisfies(refusal -> {
            assertThat(refusal.field()).isEqualTo("credentials.client_secret");
            assertThat(refusal.getMessage()).doesNotContain("pd client secret");
        });
    }

    private static Map<String, String> oauthCredentials() {
        return Map.of("client_id", "pd-client", "client_secret", "pd-client-secret-value", "refresh_token", "pd-refresh-token-value");
    }

    private InvalidAccountException refused(IntegratedAccount account) {
        return catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account));
    }

    private static IntegratedAccount account(Map<String, String> context, Optional<URI> baseUrl, Map<String, String> credentials) {
        return account(context, baseUrl, credentials, Optional.empty());
    }

    private static IntegratedAccount account(Map<String, String> context, Optional<URI> baseUrl, Map<String, String> credentials,
                                             Optional<URI> tokenUrl) {
        return new IntegratedAccount(ID, new Integration("pipedrive"), context, baseUrl, Pacing.providerDefault(),
                Credentials.of(credentials), tokenUrl);
    }
}
