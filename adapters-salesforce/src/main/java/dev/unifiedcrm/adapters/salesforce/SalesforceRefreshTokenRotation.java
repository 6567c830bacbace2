package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.spi.CredentialStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The service's credential store, plus one warning per account when Salesforce rotates its refresh token.
 * Salesforce returns a refresh token to the refresh grant only when the connected app rotates them, and
 * rotation invalidates the configured one: the new token is used (and kept wherever the store keeps
 * it), but the operator must know that the configuration now holds a stale token.
 */
final class SalesforceRefreshTokenRotation implements CredentialStore {

    private static final Logger LOG = LoggerFactory.getLogger(SalesforceRefreshTokenRotation.class);

    private final CredentialStore store;
    private final Set<IntegratedAccountId> warned = ConcurrentHashMap.newKeySet();

    SalesforceRefreshTokenRotation(CredentialStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> refreshToken(IntegratedAccountId account) {
        return store.refreshToken(account);
    }

    @Override
    public void saveRefreshToken(IntegratedAccountId account, String refreshToken) {
        if (warned.add(account)) {
            LOG.warn("Salesforce issued a new refresh token for integrated account {}: its connected app rotates refresh"
                    + " tokens, so the configured credentials.refresh_token no longer works; the new one is used {}."
                    + " Turn refresh token rotation off for this app", account,
                    store.persistent() ? "and kept in the credential store" : "from memory only (a restart will answer 401)");
        }
        store.saveRefreshToken(account, refreshToken);
    }

    @Override
    public boolean persistent() {
        return store.persistent();
    }
}
