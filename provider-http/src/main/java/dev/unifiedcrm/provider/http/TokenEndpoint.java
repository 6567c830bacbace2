package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.ProviderAnswer;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where and how one account asks for access tokens, as its CRM documents it.
 *
 * @param uri                  the token endpoint: the account's {@code token_url}, else the one the CRM derives
 * @param clientAuthentication how {@code client_id} and {@code client_secret} travel
 * @param scope                the {@code scope} form field, when the CRM wants one
 * @param assertionAudience    the {@code aud} claim of a JWT bearer assertion (only for that grant)
 * @param defaultLifetime      the lifetime of a token whose answer has no {@code expires_in}, when the CRM
 *                             documents one; without it such a token is used until the provider rejects it
 * @param lifetimeRequired     whether a token answer without a positive whole {@code expires_in} (a JSON number or a
 *                             string of digits, at most {@value #LONGEST_LIFETIME_SECONDS} s) is a contract breach:
 *                             for providers that always give one, so that a token is never kept longer than it lives
 * @param quirks               what the provider's token endpoint does its own way ({@link Quirks#NONE}: nothing)
 */
public record TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                            Optional<String> assertionAudience, Optional<Duration> defaultLifetime,
                            boolean lifetimeRequired, Quirks quirks) {

    /** The longest {@code expires_in} an endpoint whose lifetime is required may give (about 68 years). */
    public static final long LONGEST_LIFETIME_SECONDS = Integer.MAX_VALUE;

    /** How the client authenticates to the token endpoint. */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(client_id:client_secret)} (RFC 6749's default). */
        BASIC,
        /** {@code client_id} and {@code client_secret} as form fields. */
        FORM
    }

    /**
     * What a provider's token endpoint does beyond plain OAuth 2.0, for the kit to follow: a budget of
     * token requests it enforces by locking the account out, and answers shaped its own way (a lifetime
     * in another field or unit, a throttling signal that is not a 429, a refusal inside a 2xx without an
     * OAuth {@code error}). Each method's default leaves the kit's own rule in place. Called on the
     * callers' threads: implementations are thread-safe.
     */
    public interface Quirks {

        /** Plain OAuth 2.0: no budget, answers read by the kit. */
        Quirks NONE = new Quirks() {
        };

        /**
         * Asked right before a token request for the account would be sent. Empty: send it (an
         * implementation counting requests counts this one). Else the request is not sent and the call
         * fails with {@link dev.unifiedcrm.domain.TokenRequestThrottled} carrying this message and wait.
         */
        default Optional<TokenAnswer.Throttled> holdBack() {
            return Optional.empty();
        }

        /**
         * The provider's own reading of a token answer. Only answers that are not a 3xx, a 429 or a 5xx
         * come here (those follow the kit's rules whatever the provider). Empty: the kit reads it as
         * plain OAuth 2.0 (a 4xx or a 2xx with an {@code error} is a refusal, else an
         * {@code access_token} with {@code token_type} and {@code expires_in} in seconds).
         *
         * @param answer the answer as it came (the body unmasked: never put a value of it in a message)
         */
        default Optional<TokenAnswer> read(ProviderAnswer answer) {
            return Optional.empty();
        }
    }

    public TokenEndpoint {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(clientAuthentication, "clientAuthentication");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(assertionAudience, "assertionAudience");
        Objects.requireNonNull(defaultLifetime, "defaultLifetime");
        if (defaultLifetime.filter(lifetime -> lifetime.isZero() || lifetime.isNegative()).isPresent()) {
            throw new IllegalArgumentException("defaultLifetime must be positive");
        }
        Objects.requireNonNull(quirks, "quirks");
    }

    /** A plain OAuth 2.0 endpoint, whose token answers may or must carry {@code expires_in}. */
    public TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                         Optional<String> assertionAudience, Optional<Duration> defaultLifetime, boolean lifetimeRequired) {
        this(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, lifetimeRequired, Quirks.NONE);
    }

    /** A plain OAuth 2.0 endpoint whose token answers need not carry {@code expires_in}. */
    public TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                         Optional<String> assertionAudience, Optional<Duration> defaultLifetime) {
        this(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, false);
    }

    /** A plain OAuth 2.0 endpoint without a default lifetime: a token answer without {@code expires_in} is used until rejected. */
    public TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                         Optional<String> assertionAudience) {
        this(uri, clientAuthentication, scope, assertionAudience, Optional.empty());
    }

    /** A plain OAuth 2.0 endpoint without scope, assertion audience or default lifetime. */
    public static TokenEndpoint of(URI uri, ClientAuthentication clientAuthentication) {
        return new TokenEndpoint(uri, clientAuthentication, Optional.empty(), Optional.empty());
    }

    /** This endpoint, whose token answers without {@code expires_in} are taken to last {@code lifetime}. */
    public TokenEndpoint withDefaultLifetime(Duration lifetime) {
        return new TokenEndpoint(uri, clientAuthentication, scope, assertionAudience, Optional.of(lifetime), lifetimeRequired,
                quirks);
    }

    /** This endpoint, whose token answers without a usable {@code expires_in} are contract breaches. */
    public TokenEndpoint withRequiredLifetime() {
        return new TokenEndpoint(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, true, quirks);
    }

    /** This endpoint with the provider's own rules. */
    public TokenEndpoint withQuirks(Quirks providerQuirks) {
        return new TokenEndpoint(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, lifetimeRequired,
                providerQuirks);
    }
}
