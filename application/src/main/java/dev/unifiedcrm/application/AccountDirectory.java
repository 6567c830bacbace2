package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Where integrated accounts come from (the HTTP service reads them from its configuration file). */
@FunctionalInterface
public interface AccountDirectory {

    Optional<IntegratedAccount> find(IntegratedAccountId id);

    /** A directory over a fixed set of accounts. */
    static AccountDirectory of(Collection<IntegratedAccount> accounts) {
        Map<IntegratedAccountId, IntegratedAccount> byId = accounts.stream()
                .collect(Collectors.toUnmodifiableMap(IntegratedAccount::id, Function.identity()));
        return id -> Optional.ofNullable(byId.get(id));
    }
}
