package dev.unifiedcrm.domain.spi;

import dev.unifiedcrm.domain.IntegratedAccountId;

import java.util.Optional;

/**
 * Where the newest refresh token of each account is kept across restarts, for providers that
 * rotate refresh tokens (each token answer brings a new one and the old one may stop working).
 * {@link #NONE} keeps nothing: a rotated token then lives only in memory.
 */
public interface CredentialStore {

    /** Keeps nothing and finds nothing. */
    CredentialStore NONE = new CredentialStore() {
        @Override
        public Optional<String> refreshToken(IntegratedAccountId account) {
            return Optional.empty();
        }

        @Override
        public void saveRefreshToken(IntegratedAccountId account, String refreshToken) {
            // Nothing is kept: the process's memory is the only place.
        }

        @Override
        public boolean persistent() {
            return false;
        }
    };

    /** The refresh token kept for the account, which wins over the configuration's. */
    Optional<String> refreshToken(IntegratedAccountId account);

    /**
     * Keeps the account's newest refresh token.
     *
     * @throws java.io.UncheckedIOException when it cannot be written (the message names no secret)
     */
    void saveRefreshToken(IntegratedAccountId account, String refreshToken);

    /** Whether tokens survive a restart. */
    boolean persistent();
}
