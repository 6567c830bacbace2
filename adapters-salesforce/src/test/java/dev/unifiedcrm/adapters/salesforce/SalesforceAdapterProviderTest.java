package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SalesforceAdapterProviderTest {

    private static final String SECRET = "s3cr3t-value-never-shown";
    private static final String KEY_PEM = RsaKeys.pem(RsaKeys.SHARED.getPrivate());
    private static final String SMALL_KEY_PEM = RsaKeys.pem(RsaKeys.generate(1024).getPrivate());
    private static final Map<String, String> MY_DOMAIN = Map.of("instance_url", "https://acme.my.salesforce.com");

    private final SalesforceAdapterProvider provider = new SalesforceAdapterProvider();

    @Test
    void serviceLoaderFindsItUnderItsIntegrationName() {
        assertThat(ServiceLoader.load(CrmAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(found -> found.integration().equals(new Integration("salesforce"))))
                .singleElement().isInstanceOf(SalesforceAdapterProvider.class);
    }

    @Test
    void theIdFormatIsTheLeadKeyPrefixAndItIsUnpacedByDefault() {
        assertThat(provider.leadIdFormat().canonical("00QHs00000Lk3pRMAR")).contains("00QHs00000Lk3pRMAR");
        assertThat(provider.leadIdFormat().canonical("003Hs00000Mn2XeIAJ")).isEmpty();
        assertThat(provider.leadIdFormat().description())
                .isEqualTo("a Salesforce Lead id: 00Q followed by 12 or 15 letters or digits");
        assertThat(provider.documentedRequestsPerSecond()).isEmpty();
    }

    @Test
    void anAccessTokenWithTheInstanceUrlOrABaseUrlIsAccepted() {
        assertThatCode(() -> provider.checkAccount(account(MY_DOMAIN, null, Map.of("access_token", SECRET))))
                .doesNotThrowAnyException();
        assertThatCode(() -> provider.checkAccount(account(Map.of(), URI.create("http://127.0.0.1:9/services/data/v64.0"),
                Map.of("access_token", SECRET)))).doesNotThrowAnyException();
    }

    @Test
    void eachOAuthSetIsAcceptedWithTheMyDomain() {
        for (Map<String, String> credentials : List.of(
                Map.of("client_id", "3MVG9-consumer-key", "client_secret", SECRET),
                Map.of("client_id", "3MVG9-consumer-key", "client_secret", SECRET, "refresh_token", SECRET),
                Map.of("client_id", "3MVG9-consumer-key", "username", "integration@acme.example", "private_key", KEY_PEM))) {
            assertThatCode(() -> provider.checkAccount(account(MY_DOMAIN, null, credentials))).doesNotThrowAnyException();
        }
    }

    @Test
    void anOAuthSetWithoutInstanceUrlNeedsTokenUrl() {
        URI root = URI.create("http://127.0.0.1:9/services/data/v64.0");
        var clientCredentials = Map.of("client_id", "3MVG9-consumer-key", "client_secret", SECRET);

        var refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of(), root, clientCredentials)));

        assertThat(refused.field()).isEqualTo("token_url");
        assertThat(refused.getMessage()).contains("{client_id, client_secret}", "instance_url").doesNotContain(SECRET);
        assertThatCode(() -> provider.checkAccount(account(Map.of(), root, clientCredentials,
                URI.create("http://127.0.0.1:9/services/oauth2/token")))).doesNotThrowAnyException();
    }

    @Test
    void theStaticSetTakesNoTokenUrl() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(MY_DOMAIN, null,
                Map.of("access_token", SECRET), URI.create("https://acme.my.salesforce.com/services/oauth2/token"))));

        assertThat(refused.field()).isEqualTo("token_url");
        assertThat(refused.getMessage()).contains("{client_id, client_secret}", "{client_id, private_key, username}");
    }

    @Test
    void theJwtBearerKeyIsCheckedAtStartWithoutShowingIt() {
        for (String key : List.of("not a key " + SECRET, "-----BEGIN RSA PRIVATE KEY-----\n" + SECRET + "\n-----END RSA PRIVATE KEY-----",
                SMALL_KEY_PEM)) {
            var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(MY_DOMAIN, null,
                    Map.of("client_id", "3MVG9-consumer-key", "username", "integration@acme.example", "private_key", key))));
            assertThat(refused.field()).isEqualTo("credentials.private_key");
            assertThat(refused.getMessage()).contains("RSA key").doesNotContain(SECRET, key);
        }
    }

    @Test
    void loginUrlGoesOnlyWithTheJwtBearerSet() {
        var jwt = Map.of("client_id", "3MVG9-consumer-key", "username", "integration@acme.example", "private_key", KEY_PEM);
        var sandboxLogin = Map.of("instance_url", "https://acme--uat.sandbox.my.salesforce.com", "login_url", "https://test.salesforce.com");

        assertThatCode(() -> provider.checkAccount(account(sandboxLogin, null, jwt))).doesNotThrowAnyException();
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(sandboxLogin, null,
                Map.of("client_id", "3MVG9-consumer-key", "client_secret", SECRET))));
        assertThat(refused.field()).isEqualTo("context.login_url");
    }

    @Test
    void anyOtherCredentialSetNamesTheStrayFieldAndTheAcceptedSets() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(MY_DOMAIN, null, Map.of("access_token", SECRET, "api_key", SECRET))));

        assertThat(refused.field()).isEqualTo("credentials.api_key");
        assertThat(refused.getMessage()).contains("{access_token}", "{client_id, client_secret}",
                "{client_id, client_secret, refresh_token}", "{client_id, private_key, username}").doesNotContain(SECRET);
    }

    @Test
    void aSetMissingOneKeyNamesIt() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(MY_DOMAIN, null, Map.of("client_id", "3MVG9-consumer-key", "refresh_token", SECRET))));

        assertThat(refused.field()).isEqualTo("credentials.client_secret");
        assertThat(refused.getMessage()).doesNotContain(SECRET);
    }

    @Test
    void missingCredentialsMatchNoSet() {
        var refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(MY_DOMAIN, null, Map.of())));

        assertThat(refused.field()).isEqualTo("credentials");
        assertThat(refused.getMessage()).contains("{access_token}");
    }

    @Test
    void aTokenWithSpacesIsRefusedWithoutShowingIt() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(MY_DOMAIN, null, Map.of("access_token", "two words"))));

        assertThat(refused.field()).isEqualTo("credentials.access_token");
        assertThat(refused.getMessage()).doesNotContain("two words");
    }

    @Test
    void theContextIsCheckedWithItsOwnFieldNames() {
        var refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(Map.of("instance_url", "https://login.salesforce.com"), null, Map.of("access_token", SECRET))));
        assertThat(refused.field()).isEqualTo("context.instance_url");

        var noRoot = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(
                account(Map.of(), null, Map.of("access_token", SECRET))));
        assertThat(noRoot.field()).isEqualTo("context.instance_url");

        var loginUrl = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(
                Map.of("instance_url", "https://acme.my.salesforce.com", "login_url", "https://login.salesforce.com"),
                null, Map.of("access_token", SECRET))));
        assertThat(loginUrl.field()).isEqualTo("context.login_url");
    }

    @Test
    void anotherIntegrationsAccountIsRefused() {
        var account = new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("zendesk_sell"), Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", SECRET)));

        assertThat(catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account)).field())
                .isEqualTo("integration");
    }

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials) {
        return new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("salesforce"), context, Optional.ofNullable(baseUrl), Pacing.providerDefault(),
                Credentials.of(credentials));
    }

    private static IntegratedAccount account(Map<String, String> context, URI baseUrl, Map<String, String> credentials,
                                             URI tokenUrl) {
        return new IntegratedAccount(IntegratedAccountId.parse("3c1d9e7a-5b2f-4a86-9c0e-7d4f1a2b3c45").orElseThrow(),
                new Integration("salesforce"), context, Optional.ofNullable(baseUrl), Pacing.providerDefault(),
                Credentials.of(credentials), Optional.of(tokenUrl));
    }
}
