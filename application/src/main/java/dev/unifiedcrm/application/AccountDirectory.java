package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where integrated accounts come from: a fixed set ({@link #of}, what the HTTP service builds from
 * its configuration file) or any store a team implements. Ids compare as UUIDs, so a lookup matches
 * in any letter case.
 */
@FunctionalInterface
public interface AccountDirectory {

    Optional<IntegratedAccount> find(IntegratedAccountId id);

    /**
     * A directory over a fixed set of accounts.
     *
     * @throws IllegalArgumentException when two accounts share an id
     */
    static AccountDirectory of(Collection<IntegratedAccount> accounts) {
        var byId = new LinkedHashMap<IntegratedAccountId, IntegratedAccount>();
        for (IntegratedAccount account : accounts) {
            if (byId.put(account.id(), account) != null) {
                throw new IllegalArgumentException("duplicate account id " + account.id());
            }
        }
        Map<IntegratedAccountId, IntegratedAccount> fixed = Map.copyOf(byId);
        return id -> Optional.ofNullable(fixed.get(id));
    }
}
