package dev.unifiedcrm.adapters.salesforce;

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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceAccountContextTest {

    @Test
    void theApiRootAndTokenEndpointFollowTheMyDomainAndVersion() {
        var context = SalesforceAccountContext.of(account(Map.of("instance_url", "https://acme.my.salesforce.com")), false);

        assertThat(context.instanceUrl()).isEqualTo("https://acme.my.salesforce.com");
        assertThat(context.apiVersion()).isEqualTo("64.0");
        assertThat(context.loginUrl()).isNull();
        assertThat(context.apiRoot(Optional.empty())).isEqualTo(URI.create("https://acme.my.salesforce.com/services/data/v64.0"));
        assertThat(context.tokenEndpoint()).contains(URI.create("https://acme.my.salesforce.com/services/oauth2/token"));
    }

    @ParameterizedTest
    @CsvSource({
            "https://ACME.my.salesforce.com/, https://acme.my.salesforce.com",
            "https://acme--uat.sandbox.my.salesforce.com, https://acme--uat.sandbox.my.salesforce.com",
            "https://acme.my.site.force.com, https://acme.my.site.force.com"})
    void myDomainUrlsAreKeptInLowerCaseWithoutTheSlash(String given, String kept) {
        assertThat(SalesforceAccountContext.of(account(Map.of("instance_url", given)), false).instanceUrl()).isEqualTo(kept);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://acme.my.salesforce.com", "https://acme.my.salesforce.com/services",
            "https://acme.my.salesforce.com:8443", "https://acme.example.com", "https://salesforce.com",
            "https://-acme.my.salesforce.com", "https://acme.my.salesforce.com?x=1", "acme.my.salesforce.com",
            "https://user@acme.my.salesforce.com"})
    void otherUrlsAreRefused(String url) {
        assertRefused(Map.of("instance_url", url), false, "context.instance_url", "My Domain URL");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://login.salesforce.com", "https://TEST.salesforce.com/"})
    void loginHostsAreRefused(String url) {
        assertRefused(Map.of("instance_url", url), false, "context.instance_url", "not the login host");
    }

    @Test
    void lightningHostsAreRefused() {
        assertRefused(Map.of("instance_url", "https://acme.lightning.force.com"), false, "context.instance_url",
                "Lightning host");
    }

    @Test
    void instanceUrlIsRequiredWithoutBaseUrl() {
        assertRefused(Map.of(), false, "context.instance_url", "required");
    }

    @Test
    void baseUrlReplacesTheWholeRoot() {
        var account = new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("salesforce"), Map.of("api_version", "60.0"),
                Optional.of(URI.create("http://127.0.0.1:8080/salesforce/services/data/v64.0/")),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", "x")));

        var context = SalesforceAccountContext.of(account, false);

        assertThat(context.apiRoot(account.baseUrl())).isEqualTo(URI.create("http://127.0.0.1:8080/salesforce/services/data/v64.0"));
        assertThat(context.tokenEndpoint()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"58.0", "100.0", "31.0"})
    void anotherApiVersionMayBeNamed(String version) {
        var context = SalesforceAccountContext.of(account(Map.of("instance_url", "https://acme.my.salesforce.com",
                "api_version", version)), false);

        assertThat(context.apiRoot(Optional.empty()).toString()).endsWith("/services/data/v" + version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"64", "v64.0", "64.1", "1000.0", "6.0", " 64.0", "64.0 "})
    void malformedApiVersionsAreRefused(String version) {
        assertRefused(Map.of("instance_url", "https://acme.my.salesforce.com", "api_version", version), false,
                "context.api_version", "\"64.0\"");
    }

    @Test
    void theJwtAudienceDefaultsToTheProductionLoginHost() {
        var context = SalesforceAccountContext.of(account(Map.of("instance_url", "https://acme.my.salesforce.com")), true);

        assertThat(context.loginUrl()).isEqualTo("https://login.salesforce.com");
    }

    @Test
    void sandboxesNameTheTestLoginHost() {
        var context = SalesforceAccountContext.of(account(Map.of("instance_url", "https://acme--uat.sandbox.my.salesforce.com",
                "login_url", "https://test.salesforce.com")), true);

        assertThat(context.loginUrl()).isEqualTo("https://test.salesforce.com");
    }

    @Test
    void loginUrlWithoutTheJwtSetIsRefused() {
        assertRefused(Map.of("instance_url", "https://acme.my.salesforce.com", "login_url", "https://login.salesforce.com"),
                false, "context.login_url", "only with the JWT-bearer credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://acme.my.salesforce.com", "https://login.salesforce.com/", "http://login.salesforce.com"})
    void otherLoginUrlsAreRefused(String url) {
        assertRefused(Map.of("instance_url", "https://acme.my.salesforce.com", "login_url", url), true,
                "context.login_url", "exactly");
    }

    @Test
    void unknownContextKeysAreRefused() {
        assertRefused(Map.of("instance_url", "https://acme.my.salesforce.com", "org_id", "00D"), false,
                "context.org_id", "not accepted");
    }

    private static void assertRefused(Map<String, String> context, boolean jwt, String field, String says) {
        assertThatThrownBy(() -> SalesforceAccountContext.of(account(context), jwt))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field).contains(says);
                });
    }

    private static IntegratedAccount account(Map<String, String> context) {
        return new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("salesforce"), new LinkedHashMap<>(context), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("client_id", "id", "client_secret", "secret")));
    }
}
