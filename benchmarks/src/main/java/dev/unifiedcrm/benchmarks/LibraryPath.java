package dev.unifiedcrm.benchmarks;

import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadUseCase;
import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.application.UnifiedCrmVersion;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.resilience.ReliableDeleteLeadService;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The library as the README's quick start wires it: adapters found by {@link CrmAdapters#discover},
 * the fully equipped use case ({@link ReliableDeleteLeadService}: retries, pacing, idempotency store)
 * with the contract's default timeouts, one unpaced benchmark account per integration pointing at
 * the stub. Metrics and the audit log belong to the HTTP service and are measured there.
 */
final class LibraryPath {

    private LibraryPath() {
    }

    static DeleteLeadUseCase wire(URI stubOrigin) {
        var settings = new AdapterSettings(Timeouts.DEFAULTS.connect(), UnifiedCrmVersion.userAgent(), AdapterSettings.ONE_MIB);
        CrmAdapters adapters = CrmAdapters.discover(settings);
        List<IntegratedAccount> accounts = new ArrayList<>();
        for (Provider provider : Provider.values()) {
            var registered = adapters.find(provider.integration).orElseThrow(() -> new IllegalStateException(
                    "no adapter for " + provider.integration + " on the class path; was the jar shaded"
                            + " with the ServicesResourceTransformer?"));
            IntegratedAccount account = provider.account(stubOrigin);
            registered.provider().checkAccount(account);
            accounts.add(account);
        }
        return ReliableDeleteLeadService.builder(AccountDirectory.of(accounts), adapters)
                .timeouts(Timeouts.DEFAULTS)
                .build();
    }
}
