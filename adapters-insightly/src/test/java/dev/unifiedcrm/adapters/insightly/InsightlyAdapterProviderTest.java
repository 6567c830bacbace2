package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class InsightlyAdapterProviderTest {

    private static final String SECRET = "s3cr3t-api-key-never-shown";
    private static final IntegratedAccountId ID = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();

    private final InsightlyAdapterProvider provider = new InsightlyAdapterProvider();

    @Test
    void serviceLoaderFindsTheInsightlyProvider() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("insightly")))
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(InsightlyAdapterProvider.class);
    }

    @Test
    void itServesInsightlyWithPositiveIntegerIdsAtFiveRequestsPerSecond() {
        assertThat(provider.integration().name()).isEqualTo("insightly");
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.POSITIVE_INT64);
        // 10 per second is documented, but clients see 429s above about 5.
        assertThat(provider.documentedRequestsPerSecond()).hasValue(5.0);
    }

    @Test
    void createGivesBothPortsFromOneAdapter() {
        CrmAdapter adapter = provider.create(new AdapterSettings(Duration.ofSeconds(1), "unified-crm/test", 1024));

        assertThat(adapter.deletion()).isInstanceOf(InsightlyLeadDeletionAdapter.class);
        assertThat(adapter.lookup()).isSameAs(adapter.deletion());
    }

    // ---- accounts that are accepted ----

    @Test
    void anAccountWithAPodAndAnApiKeyIsAccepted() {
        provider.checkAccount(account(Map.of("pod", "na1"), Optional.empty(), Map.of("api_key", SECRET)));
    }

    @Test
    void anAccountWithABaseUrlNeedsNoPod() {
        provider.checkAccount(account(Map.of(), Optional.of(URI.create("https://insightly.proxy.example/v3.1")), Map.of("api_key", SECRET)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"na1", "eu1", "au1", "a", "my-pod-2", "na_1", "_", "abcdefghijklmnopqrstuvwxyz012345"})
    void podsOfLowerCaseLettersDigitsUnderscoresAndDashesAreAccepted(String pod) {
        provider.checkAccount(account(Map.of("pod", pod), Optional.empty(), Map.of("api_key", SECRET)));
    }

    // ---- accounts that are refused ----

    @ParameterizedTest
    @ValueSource(strings = {"NA1", "na.1", "na1.evil.example/x", "", " na1", "abcdefghijklmnopqrstuvwxyz0123456", "ñа1",
            "https://api.na1.insightly.com.evil.example/v3.1/"})
    void aMalformedPodIsRefusedEvenWithABaseUrl(String pod) {
        InvalidAccountException refused = refusal(account(Map.of("pod", pod),
                Optional.of(URI.create("https://proxy.example/v3.1")), Map.of("api_key", SECRET)));

        assertThat(refused.field()).isEqualTo("context.pod");
        assertThat(refused.getMessage()).contains("context.pod", "a-z, 0-9, '_' and '-'");
    }

    @ParameterizedTest
    @CsvSource({
            "https://api.na1.insightly.com/v3.1/, na1",
            "https://api.eu1.insightly.com/v3.1, eu1",
            "api.au1.insightly.com, au1",
            "HTTPS://API.NA1.INSIGHTLY.COM/v3.1/Leads, na1"})
    void aPastedApiUrlIsRefusedWithThePodToWrite(String pastedUrl, String pod) {
        InvalidAccountException refused = refusal(account(Map.of("pod", pastedUrl), Optional.empty(), Map.of("api_key", SECRET)));

        assertThat(refused.field()).isEqualTo("context.pod");
        assertThat(refused.getMessage())
                .startsWith("context.pod is the pod alone, not the whole API URL: write \"" + pod + "\"")
                .doesNotContain("/v3.1");
    }

    @Test
    void aMissingPodWithoutABaseUrlIsRefused() {
        InvalidAccountException refused = refusal(account(Map.of(), Optional.empty(), Map.of("api_key", SECRET)));

        assertThat(refused.field()).isEqualTo("context.pod");
        assertThat(refused.getMessage()).contains("context.pod is required unless base_url is set");
    }

    @Test
    void anUnknownContextKeyIsRefusedByName() {
        var context = new LinkedHashMap<String, String>();
        context.put("pod", "na1");
        context.put("space_id", "x");
        InvalidAccountException refused = refusal(account(context, Optional.empty(), Map.of("api_key", SECRET)));

        assertThat(refused.field()).isEqualTo("context.space_id");
        assertThat(refused.getMessage()).contains("context.space_id", "the only accepted context key is pod");
    }

    @Test
    void aMissingApiKeyIsRefused() {
        InvalidAccountException refused = refusal(account(Map.of("pod", "na1"), Optional.empty(), Map.of()));

        assertThat(refused.field()).isEqualTo("credentials.api_key");
        assertThat(refused.getMessage()).contains("credentials.api_key is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password", "username", "access_token", "API_KEY"})
    void anUnknownCredentialIsRefusedByNameWithoutShowingAnySecret(String name) {
        var credentials = new LinkedHashMap<String, String>();
        credentials.put("api_key", SECRET);
        credentials.put(name, SECRET + "-other");
        InvalidAccountException refused = refusal(account(Map.of("pod", "na1"), Optional.empty(), credentials));

        assertThat(refused.field()).isEqualTo("credentials." + name);
        assertThat(refused.getMessage()).contains("credentials." + name, "the only accepted credential is api_key")
                .doesNotContain(SECRET);
    }

    @Test
    void anAccountOfAnotherIntegrationIsRefused() {
        var account = new IntegratedAccount(ID, new Integration("zendesk_sell"), Map.of(), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("api_key", SECRET)));

        InvalidAccountException refused = refusal(account);

        assertThat(refused.field()).isEqualTo("integration");
        assertThat(refused.getMessage()).doesNotContain(SECRET);
    }

    // ---- the API root ----

    @Test
    void theApiRootIsDerivedFromThePod() {
        var account = account(Map.of("pod", "eu1"), Optional.empty(), Map.of("api_key", SECRET));

        assertThat(InsightlyAccount.apiRoot(account)).isEqualTo(URI.create("https://api.eu1.insightly.com/v3.1"));
    }

    @Test
    void aBaseUrlOverridesThePodAndLosesOnlyItsTrailingSlash() {
        var account = account(Map.of("pod", "na1"), Optional.of(URI.create("https://proxy.example:8443/insightly/v3.1/")),
                Map.of("api_key", SECRET));

        assertThat(InsightlyAccount.apiRoot(account)).isEqualTo(URI.create("https://proxy.example:8443/insightly/v3.1"));
    }

    @Test
    void theAuthorizationIsBasicWithTheApiKeyAndAnEmptyPassword() {
        var account = account(Map.of("pod", "na1"), Optional.empty(), Map.of("api_key", "key-ü"));

        String header = InsightlyAccount.authorization(account);

        assertThat(header).isEqualTo("Basic a2V5LcO8Og==");
        assertThat(new String(java.util.Base64.getDecoder().decode(header.substring(6)), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("key-ü:");
    }

    // ---- helpers ----

    private static IntegratedAccount account(Map<String, String> context, Optional<URI> baseUrl, Map<String, String> credentials) {
        return new IntegratedAccount(ID, new Integration("insightly"), context, baseUrl, Pacing.providerDefault(), Credentials.of(credentials));
    }

    private InvalidAccountException refusal(IntegratedAccount account) {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account));
        assertThat(refused).as("refusal").isNotNull();
        assertThat(refused.getMessage()).doesNotContain(SECRET);
        return refused;
    }
}
