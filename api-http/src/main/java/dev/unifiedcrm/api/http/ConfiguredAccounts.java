package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The integrated accounts of the configuration file; ids are held lower-case, so they match in any case. */
final class ConfiguredAccounts implements AccountDirectory {

    private final Map<IntegratedAccountId, IntegratedAccount> byId;

    ConfiguredAccounts(Collection<IntegratedAccount> accounts) {
        var map = new LinkedHashMap<IntegratedAccountId, IntegratedAccount>();
        for (IntegratedAccount account : accounts) {
            if (map.put(account.id(), account) != null) {
                throw new IllegalArgumentException("duplicate account id " + account.id());
            }
        }
        this.byId = Map.copyOf(map);
    }

    @Override
    public Optional<IntegratedAccount> find(IntegratedAccountId id) {
        return Optional.ofNullable(byId.get(id));
    }

    int size() {
        return byId.size();
    }
}
