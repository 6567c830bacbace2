package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.sharedstate.redis.RedisLocation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the configuration file says (the README, section Configuration file).
 *
 * @param apiTokens the bearer tokens callers may use (never logged)
 * @param timeouts  {@code connect_ms}, {@code attempt_ms}, {@code request_ms}
 * @param auditLog  the audit trail's file, when set (the README, section Audit trail)
 * @param accounts  the integrated accounts, each already checked by its adapter
 * @param sharedState the Redis that several processes share, when set
 * @param credentialStore the file that keeps rotated refresh tokens across restarts, when set
 */
record ServiceConfiguration(List<String> apiTokens, Timeouts timeouts, Optional<String> auditLog,
                            List<IntegratedAccount> accounts, Optional<SharedState> sharedState,
                            Optional<String> credentialStore) {

    ServiceConfiguration(List<String> apiTokens, Timeouts timeouts, Optional<String> auditLog,
                         List<IntegratedAccount> accounts) {
        this(apiTokens, timeouts, auditLog, accounts, Optional.empty(), Optional.empty());
    }

    ServiceConfiguration(List<String> apiTokens, Timeouts timeouts, Optional<String> auditLog,
                         List<IntegratedAccount> accounts, Optional<SharedState> sharedState) {
        this(apiTokens, timeouts, auditLog, accounts, sharedState, Optional.empty());
    }

    /** {@code shared_state}: where the shared Redis is (its password is never shown) and the key prefix. */
    record SharedState(RedisLocation redis, String keyPrefix) {
        SharedState {
            Objects.requireNonNull(redis, "redis");
            Objects.requireNonNull(keyPrefix, "keyPrefix");
        }
    }

    ServiceConfiguration {
        apiTokens = List.copyOf(apiTokens);
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(auditLog, "auditLog");
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(sharedState, "sharedState");
        Objects.requireNonNull(credentialStore, "credentialStore");
    }

    @Override
    public String toString() {
        return "ServiceConfiguration[" + apiTokens.size() + " tokens, " + accounts.size() + " accounts]";
    }
}
