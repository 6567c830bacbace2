package dev.unifiedcrm.adapters.pipeliner;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class PipelinerAdapterProviderTest {

    private static final String SERVICE_URL = "https://eu-central.api.pipelinersales.com";
    private static final String USERNAME = "api-user-secret-name";
    private static final String PASSWORD = "very-secret-password";

    private final PipelinerAdapterProvider provider = new PipelinerAdapterProvider();

    @Test
    void serviceLoaderFindsThePipelinerProvider() {
        List<CrmAdapterProvider> found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("pipeliner")))
                .toList();

        assertThat(found).singleElement().isInstanceOf(PipelinerAdapterProvider.class);
    }

    @Test
    void servesPipelinerWithUuidIdsAndNoDocumentedRate() {
        assertThat(provider.integration()).isEqualTo(new Integration("pipeliner"));
        assertThat(provider.integration().name()).isEqualTo("pipeliner");
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.UUID);
        assertThat(provider.documentedRequestsPerSecond()).isEmpty();
    }

    @Test
    void createsBothPorts() {
        CrmAdapter adapter = provider.create(new AdapterSettings(Duration.ofSeconds(1), "unified-crm/test", AdapterSettings.ONE_MIB));

        assertThat(adapter.deletion()).isNotNull();
        assertThat(adapter.lookup()).isNotNull();
    }

    // ---- accounts that are accepted ----

    @Test
    void acceptsAServiceUrlWithASpaceIdUserNameAndPassword() {
        assertThatCode(() -> provider.checkAccount(account(context(SERVICE_URL, "my_space"), Optional.empty(), credentials())))
                .doesNotThrowAnyException();
    }

    @Test
    void acceptsABaseUrlInsteadOfAServiceUrl() {
        assertThatCode(() -> provider.checkAccount(account(context(null, "my_space"),
                Optional.of(URI.create("http://localhost:8089/pipeliner")), credentials())))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://eu-central.api.pipelinersales.com/", "https://US-EAST.api.pipelinersales.com",
            "HTTPS://ca-central.api.pipelinersales.com", "https://ap-southeast.api.pipelinersales.com:443/prefix"})
    void acceptsServiceUrlsAsTheApiAccessPageGivesThem(String serviceUrl) {
        assertThatCode(() -> provider.checkAccount(account(context(serviceUrl, "Space-1_x"), Optional.empty(), credentials())))
                .doesNotThrowAnyException();
    }

    @Test
    void aBaseUrlNeedsNeitherServiceUrlNorSpaceIdAndIsTheApiRoot() {
        var account = account(context(null, null), Optional.of(URI.create("https://proxy.example/pl/spaces/s1/")), credentials());

        assertThatCode(() -> provider.checkAccount(account)).doesNotThrowAnyException();
        assertThat(PipelinerAccounts.apiRoot(account)).isEqualTo(URI.create("https://proxy.example/pl/spaces/s1"));
    }

    @Test
    void acceptsASpaceIdOfSixtyFourCharacters() {
        assertThatCode(() -> provider.checkAccount(account(context(SERVICE_URL, "a".repeat(64)), Optional.empty(), credentials())))
                .doesNotThrowAnyException();
    }

    // ---- accounts that are refused ----

    @Test
    void refusesAMissingSpaceIdWithoutABaseUrl() {
        InvalidAccountException refused = assertRefused(account(context(SERVICE_URL, null), Optional.empty(), credentials()),
                "context.space_id");
        assertThat(refused.getMessage()).contains("base_url");
    }

    @Test
    void refusesAMalformedSpaceIdEvenWithABaseUrl() {
        assertRefused(account(context(null, "my space"), Optional.of(URI.create("https://proxy.example/pl")), credentials()),
                "context.space_id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "my space", "my/space", "space.id", "späce", "../x"})
    void refusesASpaceIdOfAnotherForm(String spaceId) {
        assertRefused(account(context(SERVICE_URL, spaceId), Optional.empty(), credentials()), "context.space_id");
    }

    @Test
    void refusesASpaceIdOverSixtyFourCharacters() {
        assertRefused(account(context(SERVICE_URL, "a".repeat(65)), Optional.empty(), credentials()), "context.space_id");
    }

    @Test
    void refusesAMissingServiceUrlWithoutABaseUrl() {
        InvalidAccountException refused = assertRefused(account(context(null, "my_space"), Optional.empty(), credentials()),
                "context.service_url");
        assertThat(refused.getMessage()).contains("base_url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://eu-central.api.pipelinersales.com", "eu-central.api.pipelinersales.com", "",
            "https://", "https://host/path?query=1", "https://host/#fragment", "ftp://host", "https://bad host",
            "https://user:hunter2@eu-central.api.pipelinersales.com"})
    void refusesAServiceUrlThatIsNotAnAbsoluteHttpsUrl(String serviceUrl) {
        InvalidAccountException refused = assertRefused(account(context(SERVICE_URL.equals(serviceUrl) ? null : serviceUrl, "my_space"),
                Optional.empty(), credentials()), "context.service_url");
        assertThat(refused.getMessage()).contains("https").doesNotContain("hunter2");
    }

    @Test
    void refusesABadServiceUrlEvenWithABaseUrl() {
        assertRefused(account(context("http://plain.example", "my_space"), Optional.of(URI.create("https://proxy.example")), credentials()),
                "context.service_url");
    }

    @Test
    void refusesAnUnknownContextKey() {
        var context = context(SERVICE_URL, "my_space");
        context.put("pod", "na1");

        InvalidAccountException refused = assertRefused(account(context, Optional.empty(), credentials()), "context.pod");
        assertThat(refused.getMessage()).contains("context.service_url").contains("context.space_id");
    }

    @Test
    void refusesAnUnknownCredential() {
        var secrets = new LinkedHashMap<>(Map.of("username", USERNAME, "password", PASSWORD));
        secrets.put("api_key", "another-secret-value");

        InvalidAccountException refused = assertRefused(account(context(SERVICE_URL, "my_space"), Optional.empty(),
                Credentials.of(secrets)), "credentials.api_key");
        assertThat(refused.getMessage()).contains("credentials.username").contains("credentials.password")
                .doesNotContain("another-secret-value");
    }

    @ParameterizedTest
    @CsvSource({"username, credentials.password", "password, credentials.username"})
    void refusesAMissingCredential(String present, String missingField) {
        var only = Credentials.of(Map.of(present, present.equals("username") ? USERNAME : PASSWORD));

        assertRefused(account(context(SERVICE_URL, "my_space"), Optional.empty(), only), missingField);
    }

    @Test
    void refusesAnAccountOfAnotherIntegration() {
        var insightly = new IntegratedAccount(accountId(), new Integration("insightly"), context(SERVICE_URL, "my_space"),
                Optional.empty(), Pacing.providerDefault(), credentials());

        assertRefused(insightly, "integration");
    }

    // ---- the API root ----

    @ParameterizedTest
    @CsvSource({
            "https://eu-central.api.pipelinersales.com, my_space, https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/my_space",
            "https://eu-central.api.pipelinersales.com/, my_space, https://eu-central.api.pipelinersales.com/api/v100/rest/spaces/my_space",
            "https://us-east.api.pipelinersales.com//, acme-1, https://us-east.api.pipelinersales.com/api/v100/rest/spaces/acme-1",
            "https://gateway.example/pipeliner, S_2, https://gateway.example/pipeliner/api/v100/rest/spaces/S_2"})
    void theApiRootIsDerivedFromServiceUrlAndSpaceId(String serviceUrl, String spaceId, String root) {
        assertThat(PipelinerAccounts.apiRoot(account(context(serviceUrl, spaceId), Optional.empty(), credentials())))
                .isEqualTo(URI.create(root));
    }

    @ParameterizedTest
    @CsvSource({"https://proxy.example/pl/api, https://proxy.example/pl/api", "https://proxy.example/pl/api/, https://proxy.example/pl/api",
            "http://127.0.0.1:9000, http://127.0.0.1:9000"})
    void aBaseUrlOverridesTheDerivedRoot(String baseUrl, String root) {
        assertThat(PipelinerAccounts.apiRoot(account(context(SERVICE_URL, "my_space"), Optional.of(URI.create(baseUrl)), credentials())))
                .isEqualTo(URI.create(root));
    }

    // ---- helpers ----

    private InvalidAccountException assertRefused(IntegratedAccount account, String field) {
        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account));

        assertThat(refused).as("refused for " + field).isNotNull();
        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).contains(field).doesNotContain(PASSWORD).doesNotContain(USERNAME);
        return refused;
    }

    private static Map<String, String> context(String serviceUrl, String spaceId) {
        var context = new LinkedHashMap<String, String>();
        if (serviceUrl != null) {
            context.put("service_url", serviceUrl);
        }
        if (spaceId != null) {
            context.put("space_id", spaceId);
        }
        return context;
    }

    private static Credentials credentials() {
        return Credentials.of(Map.of("username", USERNAME, "password", PASSWORD));
    }

    private static IntegratedAccountId accountId() {
        return IntegratedAccountId.parse("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23").orElseThrow();
    }

    private static IntegratedAccount account(Map<String, String> context, Optional<URI> baseUrl, Credentials credentials) {
        return new IntegratedAccount(accountId(), new Integration("pipeliner"), context, baseUrl, Pacing.providerDefault(), credentials);
    }
}
