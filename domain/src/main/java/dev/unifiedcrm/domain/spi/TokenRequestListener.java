package dev.unifiedcrm.domain.spi;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;

/**
 * Told about every request an adapter sends to an OAuth 2.0 token endpoint, for metrics and the
 * log. Nothing secret is ever passed.
 */
@FunctionalInterface
public interface TokenRequestListener {

    /** Ignores everything. */
    TokenRequestListener NONE = (integration, account, outcome) -> {
    };

    /** How a token request ended. */
    enum Outcome {
        /** A new access token came. */
        ISSUED,
        /** The endpoint refused the grant: the account must be connected again. */
        REFUSED,
        /** The endpoint said it is throttling (or answered 429). */
        THROTTLED,
        /** A 5xx, a timeout, a broken connection or an answer that breaks the OAuth contract. */
        FAILED
    }

    void tokenRequested(Integration integration, IntegratedAccountId account, Outcome outcome);
}
