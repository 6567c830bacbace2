package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrmAdaptersTest {

    private static final AdapterSettings SETTINGS = new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB);
    private final FakeCrm alpha = new FakeCrm(new Integration("alpha"), LeadIdFormat.POSITIVE_INT64);
    private final FakeCrm beta = new FakeCrm(new Integration("beta"), LeadIdFormat.UUID);

    @Test
    void providersAreFoundByTheNameAConfigurationSpells() {
        var providers = CrmAdapters.providers(List.of(alpha, beta));

        assertThat(providers.named("beta")).containsSame(beta);
        assertThat(providers.named("Beta")).isEmpty();
        assertThat(providers.integrations()).containsExactly(new Integration("alpha"), new Integration("beta"));
    }

    @Test
    void buildingGivesEachIntegrationItsAdapter() {
        var adapters = CrmAdapters.providers(List.of(alpha, beta)).build(SETTINGS);

        assertThat(adapters.find(new Integration("alpha"))).hasValueSatisfying(registered ->
                assertThat(registered.provider()).isSameAs(alpha));
        assertThat(adapters.find(new Integration("gamma"))).isEmpty();
    }

    @Test
    void twoProvidersForOneIntegrationAreRefused() {
        var twin = new FakeCrm(new Integration("alpha"), LeadIdFormat.UUID);

        assertThatThrownBy(() -> CrmAdapters.providers(List.of(alpha, twin)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("two adapters claim integration alpha");
    }

    @Test
    void theClassPathOfThisModuleHoldsNoAdapter() {
        assertThat(CrmAdapters.onClassPath().integrations()).isEmpty();
    }

    @Test
    void anAccountDirectoryFindsAccountsByIdAndRefusesTwoWithOneId() {
        var id = IntegratedAccountId.parse("5F0C1F3E-8D2A-4E55-B0A7-7C9E2D4B6A12").orElseThrow();
        var account = new IntegratedAccount(id, new Integration("alpha"), Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_key", "k")));

        assertThat(AccountDirectory.of(List.of(account))
                .find(IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow())).contains(account);
        assertThatThrownBy(() -> AccountDirectory.of(List.of(account, account)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate account id");
    }
}
