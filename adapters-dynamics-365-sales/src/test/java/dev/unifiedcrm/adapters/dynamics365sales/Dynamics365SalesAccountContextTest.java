package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dynamics365SalesAccountContextTest {

    @Test
    void theApiRootAndScopeFollowTheEnvironment() {
        var context = Dynamics365SalesAccountContext.of(account(Map.of("org_url", "https://contoso.crm4.dynamics.com"),
                Optional.empty()));

        assertThat(context.apiRoot(Optional.empty())).isEqualTo(URI.create("https://contoso.crm4.dynamics.com/api/data/v9.2"));
        assertThat(context.scope(Optional.empty())).isEqualTo("https://contoso.crm4.dynamics.com/.default");
    }

    @ParameterizedTest
    @CsvSource({
            "https://Contoso.CRM.dynamics.com/, https://contoso.crm.dynamics.com",
            "https://contoso-dev.crm11.dynamics.com, https://contoso-dev.crm11.dynamics.com"})
    void environmentUrlsAreKeptInLowerCaseWithoutTheSlash(String given, String kept) {
        assertThat(Dynamics365SalesAccountContext.of(account(Map.of("org_url", given), Optional.empty())).orgUrl())
                .isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://contoso.crm.dynamics.com", "https://contoso.crm.dynamics.com/api/data/v9.2",
            "https://contoso.crm123.dynamics.com", "https://contoso.api.crm.dynamics.com", "https://contoso.dynamics.com",
            "https://-contoso.crm.dynamics.com", "https://contoso.crm.dynamics.com:443", "contoso.crm.dynamics.com"})
    void otherUrlsAreRefused(String url) {
        assertThatThrownBy(() -> Dynamics365SalesAccountContext.of(account(Map.of("org_url", url), Optional.empty())))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.org_url");
                    assertThat(e.getMessage()).contains("environment URL");
                });
    }

    @Test
    void orgUrlIsRequiredWithoutBaseUrl() {
        assertThatThrownBy(() -> Dynamics365SalesAccountContext.of(account(Map.of(), Optional.empty())))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("context.org_url"));
    }

    @Test
    void withOnlyABaseUrlTheScopeIsItsOrigin() {
        Optional<URI> base = Optional.of(URI.create("http://127.0.0.1:8123/dynamics_365_sales/api/data/v9.2/"));
        var context = Dynamics365SalesAccountContext.of(account(Map.of(), base));

        assertThat(context.apiRoot(base)).isEqualTo(URI.create("http://127.0.0.1:8123/dynamics_365_sales/api/data/v9.2"));
        assertThat(context.scope(base)).isEqualTo("http://127.0.0.1:8123/.default");
    }

    @Test
    void withBothTheScopeFollowsTheOrgUrl() {
        Optional<URI> base = Optional.of(URI.create("https://proxy.example/api/data/v9.2"));
        var context = Dynamics365SalesAccountContext.of(account(Map.of("org_url", "https://contoso.crm.dynamics.com"), base));

        assertThat(context.apiRoot(base)).isEqualTo(URI.create("https://proxy.example/api/data/v9.2"));
        assertThat(context.scope(base)).isEqualTo("https://contoso.crm.dynamics.com/.default");
    }

    @Test
    void unknownContextKeysAreRefused() {
        assertThatThrownBy(() -> Dynamics365SalesAccountContext.of(account(
                Map.of("org_url", "https://contoso.crm.dynamics.com", "tenant_id", "x"), Optional.empty())))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("context.tenant_id");
                    assertThat(e.getMessage()).contains("only context.org_url");
                });
    }

    @ParameterizedTest
    @CsvSource({
            "9B1D2C3E-4F50-4A6B-8C7D-0E1F2A3B4C5D, https://login.microsoftonline.com/9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d/oauth2/v2.0/token",
            "contoso.onmicrosoft.com, https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
            "sales-eu.contoso.com, https://login.microsoftonline.com/sales-eu.contoso.com/oauth2/v2.0/token"})
    void theTokenEndpointNamesTheTenant(String tenant, String endpoint) {
        assertThat(Dynamics365SalesAccountContext.tokenEndpoint(tenant)).isEqualTo(URI.create(endpoint));
    }

    @ParameterizedTest
    @ValueSource(strings = {"fabrikam", "common", "fabrikam..com", "-fabrikam.com", "fabrikam.com/evil", "fabri kam.com",
            "9b1d2c3e4f504a6b8c7d0e1f2a3b4c5d"})
    void otherTenantsAreRefusedWithoutShowingTheValue(String tenant) {
        assertThatThrownBy(() -> Dynamics365SalesAccountContext.tokenEndpoint(tenant))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("credentials.tenant_id");
                    assertThat(e.getMessage()).doesNotContain(tenant);
                });
    }

    @Test
    void theClientIdIsAUuid() {
        Dynamics365SalesAccountContext.checkClientId("c8e4a1b2-3d4f-4e5a-9b6c-7d8e9f0a1b2c");

        assertThatThrownBy(() -> Dynamics365SalesAccountContext.checkClientId("my-app"))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo("credentials.client_id");
                    assertThat(e.getMessage()).doesNotContain("my-app");
                });
    }

    private static IntegratedAccount account(Map<String, String> context, Optional<URI> baseUrl) {
        return new IntegratedAccount(IntegratedAccountId.parse("7e2b4c6d-8f10-4a2b-9c3d-5e6f7a8b9c01").orElseThrow(),
                new Integration("dynamics_365_sales"), context, baseUrl, Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", "x")));
    }
}
