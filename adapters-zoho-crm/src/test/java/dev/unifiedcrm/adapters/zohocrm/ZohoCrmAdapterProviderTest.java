package dev.unifiedcrm.adapters.zohocrm;

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
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ZohoCrmAdapterProviderTest {

    private static final String TOKEN = "1000.secret-access-token";
    private final ZohoCrmAdapterProvider provider = new ZohoCrmAdapterProvider();

    private static final Map<String, String> REFRESH = Map.of(
            "client_id", "1000.CLIENT", "client_secret", "the-client-secret", "refresh_token", "the-refresh-token");

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials) {
        return account(context, baseUrl, credentials, null);
    }

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials,
                                             URI tokenUrl) {
        return new IntegratedAccount(IntegratedAccountId.parse("c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61").orElseThrow(),
                new Integration("zoho_crm"), context, Optional.ofNullable(baseUrl), Pacing.providerDefault(),
                Credentials.of(credentials), Optional.ofNullable(tokenUrl));
    }

    private InvalidAccountException refused(IntegratedAccount account) {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account));
        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.getMessage()).doesNotContain(TOKEN, "the-client-secret", "the-refresh-token");
        return refused;
    }

    @Test
    void isFoundByServiceLoaderUnderZohoCrmWithPositiveInt64IdsAndFiveRequestsPerSecond() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("zoho_crm")))
                .toList();

        assertThat(found).singleElement().isInstanceOf(ZohoCrmAdapterProvider.class);
        assertThat(provider.leadIdFormat()).isSameAs(LeadIdFormat.POSITIVE_INT64);
        assertThat(provider.documentedRequestsPerSecond()).hasValue(5.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "eu", "in", "com.au", "jp", "ca", "com.cn", "sa"})
    void everyDataCentreWithAStaticTokenIsAccepted(String dataCenter) {
        assertThatCode(() -> provider.checkAccount(account(Map.of("data_center", dataCenter), null,
                Map.of("access_token", TOKEN)))).doesNotThrowAnyException();
    }

    @Test
    void aBaseUrlMakesTheDataCentreOptional() {
        assertThatCode(() -> provider.checkAccount(account(Map.of(), URI.create("https://sandbox.zohoapis.com/crm/v8"),
                Map.of("access_token", TOKEN)))).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU", "us", "com ", "", "zoho.eu"})
    void anUnknownDataCentreNamesTheFieldAndTheAcceptedValues(String dataCenter) {
        InvalidAccountException refused = refused(account(Map.of("data_center", dataCenter), null, Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.data_center");
        assertThat(refused.getMessage()).contains("com, eu, in, com.au, jp, ca, com.cn, sa");
    }

    @Test
    void aDataCentreThatIsNotAStringIsRefused() {
        var account = new IntegratedAccount(IntegratedAccountId.parse("c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61").orElseThrow(),
                new Integration("zoho_crm"), Map.of("data_center", 1), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(refused(account).field()).isEqualTo("context.data_center");
    }

    @Test
    void withoutDataCentreOrBaseUrlTheDataCentreIsRequired() {
        InvalidAccountException refused = refused(account(Map.of(), null, Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.data_center");
        assertThat(refused.getMessage()).contains("required");
    }

    @Test
    void anotherContextKeyIsRefused() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu", "org_id", "1"), null,
                Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("context.org_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"com", "eu", "in", "com.au", "jp", "ca", "com.cn", "sa"})
    void everyDataCentreWithTheRefreshGrantIsAcceptedAndGetsItsAccountsHostByFormFields(String dataCenter) {
        var account = account(Map.of("data_center", dataCenter), null, REFRESH);

        assertThatCode(() -> provider.checkAccount(account)).doesNotThrowAnyException();
        var endpoint = ZohoCrmAdapterProvider.tokenEndpoint(account);
        assertThat(endpoint.uri()).isEqualTo(URI.create(dataCenter.equals("ca")
                ? "https://accounts.zohocloud.ca/oauth/v2/token" : "https://accounts.zoho." + dataCenter + "/oauth/v2/token"));
        assertThat(endpoint.clientAuthentication()).isEqualTo(TokenEndpoint.ClientAuthentication.FORM);
        assertThat(endpoint.scope()).isEmpty();
    }

    @Test
    void tokenUrlReplacesTheDerivedTokenEndpointWhole() {
        var account = account(Map.of("data_center", "eu"), null, REFRESH, URI.create("https://accounts.zoho.example/oauth/v2/token"));

        provider.checkAccount(account);
        assertThat(ZohoCrmAdapterProvider.tokenEndpoint(account).uri())
                .isEqualTo(URI.create("https://accounts.zoho.example/oauth/v2/token"));
    }

    @Test
    void withTheRefreshGrantTheDataCentreMayBeLeftOutOnlyWithBaseUrlAndTokenUrl() {
        URI baseUrl = URI.create("https://sandbox.zohoapis.eu/crm/v8");
        provider.checkAccount(account(Map.of(), baseUrl, REFRESH, URI.create("https://accounts.zoho.eu/oauth/v2/token")));

        InvalidAccountException refused = refused(account(Map.of(), baseUrl, REFRESH));

        assertThat(refused.field()).isEqualTo("context.data_center");
        assertThat(refused.getMessage()).contains("token_url", "com, eu, in, com.au, jp, ca, com.cn, sa");
    }

    @Test
    void tokenUrlWithAStaticTokenIsRefused() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null, Map.of("access_token", TOKEN),
                URI.create("https://accounts.zoho.eu/oauth/v2/token")));

        assertThat(refused.field()).isEqualTo("token_url");
        assertThat(refused.getMessage()).contains("{client_id, client_secret, refresh_token}");
    }

    @Test
    void aTokenUrlWithUserInformationIsRefused() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null, REFRESH,
                URI.create("https://user:pw@accounts.zoho.eu/oauth/v2/token")));

        assertThat(refused.field()).isEqualTo("token_url");
    }

    @Test
    void anIncompleteRefreshGrantNamesTheMissingKeyAndBothSets() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null,
                Map.of("client_id", "1000.CLIENT", "client_secret", "the-client-secret")));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret, refresh_token}");
    }

    @Test
    void bothSetsAtOnceAreRefused() {
        var credentials = new java.util.HashMap<>(REFRESH);
        credentials.put("access_token", TOKEN);

        assertThat(refused(account(Map.of("data_center", "eu"), null, credentials)).field()).isEqualTo("credentials");
    }

    @Test
    void aRefreshTokenThatCannotGoIntoAFormAsItIsIsRefusedWithoutShowingIt() {
        var credentials = new java.util.HashMap<>(REFRESH);
        credentials.put("refresh_token", "the-refresh-token with space");

        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null, credentials));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).doesNotContain("with space");
    }

    @Test
    void aStaticTokenWithAnotherCredentialIsRefused() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null,
                Map.of("access_token", TOKEN, "api_key", "x")));

        assertThat(refused.field()).isEqualTo("credentials.api_key");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret, refresh_token}");
    }

    @Test
    void noCredentialsIsRefusedNamingBothSets() {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null, Map.of()));

        assertThat(refused.field()).isEqualTo("credentials");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret, refresh_token}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"with space", "tab\there", "ünïcode"})
    void aTokenThatCannotGoIntoAHeaderIsRefused(String token) {
        InvalidAccountException refused = refused(account(Map.of("data_center", "eu"), null, Map.of("access_token", token)));

        assertThat(refused.field()).isEqualTo("credentials.access_token");
        assertThat(refused.getMessage()).doesNotContain(token);
    }

    @Test
    void aBaseUrlWithUserInformationIsRefused() {
        InvalidAccountException refused = refused(account(Map.of(), URI.create("https://user:pw@www.zohoapis.eu/crm/v8"),
                Map.of("access_token", TOKEN)));

        assertThat(refused.field()).isEqualTo("base_url");
    }

    @Test
    void anotherIntegrationIsRefused() {
        var account = new IntegratedAccount(IntegratedAccountId.parse("c3d9a4e1-5b6f-4a7c-8d2e-1f0a9b8c7d61").orElseThrow(),
                new Integration("zendesk_sell"), Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(refused(account).field()).isEqualTo("integration");
    }
}
