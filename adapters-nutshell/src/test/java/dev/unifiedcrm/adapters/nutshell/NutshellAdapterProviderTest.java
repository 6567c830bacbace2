package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NutshellAdapterProviderTest {

    private final NutshellAdapterProvider provider = new NutshellAdapterProvider();

    @Test
    void serviceLoaderFindsTheNutshellProvider() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("nutshell")))
                .toList();

        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(NutshellAdapterProvider.class);
    }

    @Test
    void namesItsIntegrationIdFormatAndNoDocumentedRate() {
        assertThat(provider.integration().name()).isEqualTo("nutshell");
        assertThat(provider.leadIdFormat()).isSameAs(NutshellLeadIdFormat.INSTANCE);
        assertThat(provider.documentedRequestsPerSecond()).as("unpaced by default").isEmpty();
    }

    @Test
    void theIdFormatTurnsBothFormsIntoTheApiIdWhichIsItsOwnCanonicalForm() {
        assertThat(LeadId.parse("1003", provider.leadIdFormat()).value()).isEqualTo("1003-leads");
        assertThat(LeadId.parse("1003-leads", provider.leadIdFormat()).value()).isEqualTo("1003-leads");
        assertThat(provider.leadIdFormat().canonical("1003-leads")).contains("1003-leads");
    }

    @Test
    void createsBothPortsFromOneAdapter() {
        CrmAdapter adapter = provider.create(new AdapterSettings(Duration.ofSeconds(1), "unified-crm/0.1.0", 1024));

        assertThat(adapter.deletion()).isSameAs(adapter.lookup()).isInstanceOf(NutshellLeadDeletionAdapter.class);
    }

    @Test
    void checksAccountsWithTheExactKeys() {
        assertThatCode(() -> provider.checkAccount(account(Map.of("username", "ops@acme.example", "api_key", "k"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> provider.checkAccount(account(Map.of("username", "ops@acme.example", "api_key", "k",
                "access_token", "t"))))
                .isInstanceOfSatisfying(InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("credentials.access_token"));
    }

    private static IntegratedAccount account(Map<String, String> credentials) {
        return new IntegratedAccount(IntegratedAccountId.parse("7e2b9c14-0a5d-4f63-b8e1-3c6d9f0a2b47").orElseThrow(),
                new Integration("nutshell"), Map.of(), Optional.empty(), Pacing.providerDefault(), Credentials.of(credentials));
    }
}
