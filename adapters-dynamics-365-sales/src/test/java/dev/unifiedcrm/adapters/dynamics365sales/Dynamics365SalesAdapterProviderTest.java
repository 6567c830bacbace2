package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Dynamics365SalesAdapterProviderTest {

    private static final String SECRET = "s3cr3t-value-never-shown";
    private static final Map<String, String> ORG = Map.of("org_url", "https://contoso.crm4.dynamics.com");

    private final Dynamics365SalesAdapterProvider provider = new Dynamics365SalesAdapterProvider();

    @Test
    void serviceLoaderFindsItUnderItsIntegrationName() {
        assertThat(ServiceLoader.load(CrmAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(found -> found.integration().equals(new Integration("dynamics_365_sales"))))
                .singleElement().isInstanceOf(Dynamics365SalesAdapterProvider.class);
    }

    @Test
    void theIdIsALowerCaseGuidAndThePacingIsTwentyPerSecond() {
        assertThat(provider.leadIdFormat().canonical("3F9C2A17-8B4E-4D21-9A6C-5E7F0B1D2C34"))
                .contains("3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34");
        assertThat(provider.leadIdFormat().description()).isEqualTo("a Dynamics 365 lead id: a UUID");
        assertThat(provider.documentedRequestsPerSecond()).hasValue(20.0);
    }

    @Test
    void anAccessTokenWithTheOrgUrlOrABaseUrlIsAccepted() {
        assertThatCode(() -> provider.checkAccount(account(ORG, null, Map.of("access_token", SECRET))))
                .doesNotThrowAnyException();
        assertThatCode(() -> provider.checkAccount(account(Map.of(), URI.create("http://127.0.0.1:9/api/data/v9.2"),
                Map.of("access_token", SECRET)))).doesNotThrowAnyException();
    }

    @Test
    void theClientCredentialsSetIsAcceptedWithATenantUuidOrDomainAndAClientUuid() {
        assertThatCode(() -> provider.checkAccount(account(ORG, null, clientCredentials("contoso.onmicrosoft.com"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> provider.checkAccount(account(ORG, null, clientCredentials("9B1D2C3E-4F50-4A6B-8C7D-0E1F2A3B4C5D"))))
                .doesNotThrowAnyException();
    }

    @Test
    void aTenantOrClientIdOfTheWrongShapeIsNamedWithoutShowingTheSecret() {
        var tenant = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(ORG, null,
                clientCredentials("contoso"))));
        assertThat(tenant.field()).isEqualTo("credentials.tenant_id");
        assertThat(tenant.getMessage()).contains("UUID", "contoso.onmicrosoft.com").doesNotContain(SECRET);

        var client = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(ORG, null,
                Map.of("tenant_id", "contoso.onmicrosoft.com", "client_id", "my-app", "client_secret", SECRET))));
        assertThat(client.field()).isEqualTo("credentials.client_id");
        assertThat(client.getMessage()).contains("UUID").doesNotContain(SECRET);
    }

    @Test
    void anIncompleteSetNamesTheMissingKeyAndTheAcceptedSets() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(ORG, null,
                Map.of("client_id", "c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c", "client_secret", SECRET))));

        assertThat(refused.field()).isEqualTo("credentials.tenant_id");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret, tenant_id}")
                .doesNotContain(SECRET);
    }

    @Test
    void tokenUrlIsOnlyAcceptedWithTheClientCredentialsAndNeverWithUserInformation() {
        URI tokenUrl = URI.create("https://login.microsoftonline.us/contoso.onmicrosoft.com/oauth2/v2.0/token");
        assertThatCode(() -> provider.checkAccount(account(ORG, null, clientCredentials("contoso.onmicrosoft.com"), tokenUrl)))
                .doesNotThrowAnyException();

        var withStatic = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(ORG, null, Map.of("access_token", SECRET), tokenUrl)));
        assertThat(withStatic.field()).isEqualTo("token_url");
        assertThat(withStatic.getMessage()).contains("{client_id, client_secret, tenant_id}");

        var withUser = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(ORG, null,
                clientCredentials("contoso.onmicrosoft.com"), URI.create("https://app:pw@login.example/token"))));
        assertThat(withUser.field()).isEqualTo("token_url");
        assertThat(withUser.getMessage()).doesNotContain("pw");
    }

    @Test
    void anyOtherCredentialSetNamesTheStrayField() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(ORG, null, Map.of("access_token", SECRET, "refresh_token", SECRET))));

        assertThat(refused.field()).isEqualTo("credentials.refresh_token");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret, tenant_id}")
                .doesNotContain(SECRET);
    }

    @Test
    void theOrgUrlIsCheckedWithItsFieldName() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(Map.of("org_url", "https://contoso.crm.dynamics.com/main.aspx"), null, Map.of("access_token", SECRET))));
        assertThat(refused.field()).isEqualTo("context.org_url");

        var missing = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(Map.of(), null, Map.of("access_token", SECRET))));
        assertThat(missing.field()).isEqualTo("context.org_url");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutShowingIt() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(ORG, null, Map.of("access_token", "two words"))));

        assertThat(refused.field()).isEqualTo("credentials.access_token");
        assertThat(refused.getMessage()).doesNotContain("two words");
    }

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials) {
        return account(context, baseUrl, credentials, null);
    }

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials,
                                             URI tokenUrl) {
        return new IntegratedAccount(IntegratedAccountId.parse("7e2b4c6d-8f10-4a2b-9c3d-5e6f7a8b9c01").orElseThrow(),
                new Integration("dynamics_365_sales"), context, Optional.ofNullable(baseUrl), Pacing.providerDefault(),
                Credentials.of(credentials), Optional.ofNullable(tokenUrl));
    }

    private static Map<String, String> clientCredentials(String tenantId) {
        return Map.of("tenant_id", tenantId, "client_id", "c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c", "client_secret", SECRET);
    }
}
