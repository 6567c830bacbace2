package dev.unifiedcrm.provider.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one answer of a token endpoint amounts to. The kit reads plain OAuth 2.0 answers itself; a
 * provider whose answers differ reads them through {@link TokenEndpoint.Quirks#read} and says which of
 * these they are.
 */
public sealed interface TokenAnswer {

    /**
     * A new access token.
     *
     * @param lifetime     how long it lives; empty when the answer gives none (it is then used until the
     *                     provider rejects it)
     * @param refreshToken a new refresh token when the provider rotates them, else empty
     */
    record Issued(String accessToken, Optional<Duration> lifetime, Optional<String> refreshToken) implements TokenAnswer {

        public Issued {
            Objects.requireNonNull(accessToken, "accessToken");
            Objects.requireNonNull(lifetime, "lifetime");
            Objects.requireNonNull(refreshToken, "refreshToken");
            if (accessToken.isEmpty()) {
                throw new IllegalArgumentException("an issued access token is not empty");
            }
        }

        @Override
        public String toString() {
            return "Issued[accessToken=***, lifetime=" + lifetime + ", refreshToken=" + refreshToken.map(t -> "***") + "]";
        }
    }

    /**
     * The endpoint refused the grant: the account must be connected again.
     *
     * @param error       the endpoint's error code, if it gave one
     * @param description the endpoint's own explanation, if it gave one (shown to the caller)
     */
    record Refused(Optional<String> error, Optional<String> description) implements TokenAnswer {

        public Refused {
            Objects.requireNonNull(error, "error");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * The provider is throttling token requests for the account: nothing is wrong with the credentials.
     * The account's token endpoint is not asked again before {@code retryAfter} has passed.
     *
     * @param message what the caller is told (never a secret)
     */
    record Throttled(String message, Duration retryAfter) implements TokenAnswer {

        public Throttled {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative() || retryAfter.isZero()) {
                throw new IllegalArgumentException("retryAfter must be positive, was " + retryAfter);
            }
        }
    }
}
