package dev.unifiedcrm.domain.spi;

import dev.unifiedcrm.domain.Credentials;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One way an account of an integration may hold its credentials: the exact set of keys, which of
 * them are secret, and how they become an authorization (used as they are, or exchanged for access
 * tokens by an OAuth 2.0 grant). An account's credential keys pick its set: they must equal the keys
 * of exactly one of its integration's sets.
 *
 * @param keys   the credential names of this set, exactly
 * @param secret those of {@code keys} that are secret (never shown, logged or put in a metric)
 * @param grant  {@link Grant#STATIC} for keys used as they are, else the OAuth 2.0 grant that
 *               obtains access tokens from them
 */
public record CredentialSet(Set<String> keys, Set<String> secret, Grant grant) {

    /** How a set's keys become an authorization. */
    public enum Grant {
        /** Used as they are (an API key, a personal or static access token); never refreshed. */
        STATIC,
        /** OAuth 2.0 client credentials: {@code client_id} and {@code client_secret}. */
        CLIENT_CREDENTIALS,
        /** OAuth 2.0 refresh token: {@code client_id}, {@code client_secret}, {@code refresh_token}. */
        REFRESH_TOKEN,
        /** OAuth 2.0 JWT bearer assertion (RFC 7523), signed RS256 with {@code private_key}. */
        JWT_BEARER;

        public boolean isOAuth() {
            return this != STATIC;
        }
    }

    public CredentialSet {
        keys = Set.copyOf(keys);
        secret = Set.copyOf(secret);
        Objects.requireNonNull(grant, "grant");
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("a credential set has at least one key");
        }
        if (!keys.containsAll(secret)) {
            throw new IllegalArgumentException("secret keys must be keys of the set");
        }
    }

    /** A static set whose keys are all secret. */
    public static CredentialSet staticSecrets(String... keys) {
        return new CredentialSet(Set.of(keys), Set.of(keys), Grant.STATIC);
    }

    /** The one set of {@code sets} whose keys are exactly the credentials' names, if any. */
    public static Optional<CredentialSet> pick(List<CredentialSet> sets, Credentials credentials) {
        List<CredentialSet> matching = sets.stream().filter(set -> set.keys().equals(credentials.names())).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }

    /**
     * The one set of {@code sets} whose keys are exactly the credentials' names.
     *
     * @param integration the integration's name, for the message
     * @throws InvalidAccountException naming a key of no set ({@code credentials.api_key}), the key missing
     *                                 from the only set that could still match ({@code credentials.refresh_token}),
     *                                 or else {@code credentials}; never a value
     */
    public static CredentialSet require(List<CredentialSet> sets, Credentials credentials, String integration) {
        Optional<CredentialSet> picked = pick(sets, credentials);
        if (picked.isPresent()) {
            return picked.get();
        }
        String accepted = integration + " takes exactly the keys "
                + String.join(" or ", sets.stream().map(CredentialSet::describe).toList());
        for (String name : credentials.names()) {
            if (sets.stream().noneMatch(set -> set.keys().contains(name))) {
                throw new InvalidAccountException("credentials." + name, "credentials." + name + " is not accepted: " + accepted);
            }
        }
        List<CredentialSet> couldMatch = sets.stream().filter(set -> set.keys().containsAll(credentials.names())).toList();
        if (couldMatch.size() == 1) {
            String missing = couldMatch.get(0).keys().stream().filter(key -> !credentials.names().contains(key))
                    .sorted().findFirst().orElseThrow();
            throw new InvalidAccountException("credentials." + missing, "credentials." + missing + " is required: " + accepted);
        }
        throw new InvalidAccountException("credentials", "credentials match no credential set: " + accepted);
    }

    /** The keys in a stable order, for messages ({@code {client_id, client_secret, refresh_token}}). */
    public String describe() {
        return "{" + String.join(", ", keys.stream().sorted().toList()) + "}";
    }
}
