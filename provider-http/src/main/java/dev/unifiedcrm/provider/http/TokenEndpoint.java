package dev.unifiedcrm.provider.http;

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
 */
public record TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                            Optional<String> assertionAudience, Optional<Duration> defaultLifetime,
                            boolean lifetimeRequired) {

    /** The longest {@code expires_in} an endpoint whose lifetime is required may give (about 68 years). */
    public static final long LONGEST_LIFETIME_SECONDS = Integer.MAX_VALUE;

    /** How the client authenticates to the token endpoint. */
    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(client_id:client_secret)} (RFC 6749's default). */
        BASIC,
        /** {@code client_id} and {@code client_secret} as form fields. */
        FORM
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
    }

    /** An endpoint whose token answers need not carry {@code expires_in}. */
    public TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                         Optional<String> assertionAudience, Optional<Duration> defaultLifetime) {
        this(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, false);
    }

    /** An endpoint without a default lifetime: a token answer without {@code expires_in} is used until rejected. */
    public TokenEndpoint(URI uri, ClientAuthentication clientAuthentication, Optional<String> scope,
                         Optional<String> assertionAudience) {
        this(uri, clientAuthentication, scope, assertionAudience, Optional.empty());
    }

    /** An endpoint without scope, assertion audience or default lifetime. */
    public static TokenEndpoint of(URI uri, ClientAuthentication clientAuthentication) {
        return new TokenEndpoint(uri, clientAuthentication, Optional.empty(), Optional.empty());
    }

    /** This endpoint, whose token answers without {@code expires_in} are taken to last {@code lifetime}. */
    public TokenEndpoint withDefaultLifetime(Duration lifetime) {
        return new TokenEndpoint(uri, clientAuthentication, scope, assertionAudience, Optional.of(lifetime), lifetimeRequired);
    }

    /** This endpoint, whose token answers without a usable {@code expires_in} are contract breaches. */
    public TokenEndpoint withRequiredLifetime() {
        return new TokenEndpoint(uri, clientAuthentication, scope, assertionAudience, defaultLifetime, true);
    }
}
