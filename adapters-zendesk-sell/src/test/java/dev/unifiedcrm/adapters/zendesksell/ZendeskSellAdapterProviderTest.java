package dev.unifiedcrm.adapters.zendesksell;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
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

class ZendeskSellAdapterProviderTest {

    private static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private static final IntegratedAccountId ID = IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();

    private final ZendeskSellAdapterProvider provider = new ZendeskSellAdapterProvider();

    @Test
    void serviceLoaderFindsTheZendeskSellProvider() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("zendesk_sell")))
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(ZendeskSellAdapterProvider.class);
    }

    @Test
    void namesItsIntegrationIdFormatAndDocumentedRate() {
        assertThat(provider.integration().name()).isEqualTo("zendesk_sell");
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.POSITIVE_INT64);
        assertThat(provider.documentedRequestsPerSecond()).hasValue(10.0);
    }

    @Test
    void createsBothPortsFromOneAdapter() {
        CrmAdapter adapter = provider.create(new AdapterSettings(Duration.ofSeconds(1), "unified-crm/0.1.0", 1024));

        assertThat(adapter.deletion()).isSameAs(adapter.lookup()).isInstanceOf(ZendeskSellLeadDeletionAdapter.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "007", "+5", "-1", " 1", "1 ", "1/2", "..", "1e3", "٣", "１", "9223372036854775808", "", "abc"})
    void anIdThatIsNotAPositive64BitIntegerIsRefusedBeforeAnyProviderCall(String id) {
        InvalidLeadIdException refused = catchThrowableOfType(InvalidLeadIdException.class,
                () -> LeadId.parse(id, provider.leadIdFormat()));

        assertThat(refused.getMessage()).contains("positive whole number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "71234567", "9223372036854775807"})
    void aPositive64BitIntegerIsSentAsGiven(String id) {
        assertThat(LeadId.parse(id, provider.leadIdFormat()).value()).isEqualTo(id);
    }

    // ---- checkAccount ----

    @Test
    void acceptsAnAccountWithOnlyAnAccessToken() {
        assertThatCode(() -> provider.checkAccount(account(Map.of(), Map.of("access_token", TOKEN), null)))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsABaseUrl() {
        assertThatCode(() -> provider.checkAccount(
                account(Map.of(), Map.of("access_token", TOKEN), URI.create("https://sell-proxy.example/v2"))))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAnyContextKey() {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of("pod", "na1"), Map.of("access_token", TOKEN), null)));

        assertThat(refused.field()).isEqualTo("context.pod");
        assertThat(refused.getMessage()).contains("context.pod", "no context").doesNotContain(TOKEN);
    }

    @Test
    void refusesAMissingAccessToken() {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of(), Map.of(), null)));

        assertThat(refused.field()).isEqualTo("credentials");
        assertThat(refused.getMessage()).contains("{access_token} or {client_id, client_secret, refresh_token}");
    }

    @Test
    void refusesAnUnknownCredentialWithoutShowingAnySecret() {
        var credentials = new LinkedHashMap<String, String>();
        credentials.put("access_token", TOKEN);
        credentials.put("api_key", "secret-api-key-value");

        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of(), credentials, null)));

        assertThat(refused.field()).isEqualTo("credentials.api_key");
        assertThat(refused.getMessage()).contains("credentials.api_key", "access_token")
                .doesNotContain("secret-api-key-value").doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "line\nbreak", "tab\there", "nön-ascii"})
    void refusesATokenThatCannotBeAHeaderValueWithoutShowingIt(String token) {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of(), Map.of("access_token", token), null)));

        assertThat(refused.field()).isEqualTo("credentials.access_token");
        assertThat(refused.getMessage()).doesNotContain(token);
    }

    @Test
    void refusesABaseUrlHoldingUserInformation() {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of(), Map.of("access_token", TOKEN),
                        URI.create("https://me:hunter2@api.getbase.com/v2"))));

        assertThat(refused.field()).isEqualTo("base_url");
        assertThat(refused.getMessage()).doesNotContain("hunter2");
    }

    @Test
    void refusesAnAccountOfAnotherIntegration() {
        var insightly = new IntegratedAccount(ID, new Integration("insightly"), Map.of(), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));

        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(insightly));

        assertThat(refused.field()).isEqualTo("integration");
    }

    // ---- API root ----

    @Test
    void theApiRootIsSellsPublicRootWithoutABaseUrl() {
        assertThat(ZendeskSellAdapterProvider.apiRoot(account(Map.of(), Map.of("access_token", TOKEN), null)))
                .isEqualTo(URI.create("https://api.getbase.com/v2"));
    }

    @Test
    void aBaseUrlOverridesTheApiRootWithoutItsTrailingSlash() {
        assertThat(ZendeskSellAdapterProvider.apiRoot(
                account(Map.of(), Map.of("access_token", TOKEN), URI.create("http://127.0.0.1:8089/sell/v2/"))))
                .isEqualTo(URI.create("http://127.0.0.1:8089/sell/v2"));
    }

    private static IntegratedAccount account(Map<String, String> context, Map<String, String> credentials, URI baseUrl) {
        return new IntegratedAccount(ID, new Integration("zendesk_sell"), context, Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(credentials));
    }
}
