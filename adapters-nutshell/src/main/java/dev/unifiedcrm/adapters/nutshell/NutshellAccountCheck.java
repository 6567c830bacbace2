package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.URI;
import java.util.Set;

/**
 * What a Nutshell account must hold: no context (the credentials name the Nutshell instance, and the
 * REST API is served from one host for all), and exactly {@code credentials.username} (the user's
 * e-mail address, the Basic user name) and {@code credentials.api_key}. Messages name the field and
 * never show a credential value. (Refusing {@code token_url}, which a static credential set has no
 * use for, belongs with the account's token settings.)
 */
final class NutshellAccountCheck {

    static final Integration NUTSHELL = new Integration("nutshell");
    static final String USERNAME = "username";
    static final String API_KEY = "api_key";

    private static final Set<String> CREDENTIALS = Set.of(USERNAME, API_KEY);

    private NutshellAccountCheck() {
    }

    /** @throws InvalidAccountException naming the first offending field */
    static void check(IntegratedAccount account) {
        if (!NUTSHELL.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'nutshell', not '" + account.integration() + "'");
        }
        account.context().keySet().stream().findFirst().ifPresent(key -> {
            throw new InvalidAccountException("context." + key, "context." + key
                    + " is not accepted: nutshell accounts take no context (the credentials name the Nutshell instance)");
        });
        for (String name : account.credentials().names()) {
            if (!CREDENTIALS.contains(name)) {
                throw new InvalidAccountException("credentials." + name, "credentials." + name
                        + " is not accepted: nutshell takes credentials.username and credentials.api_key");
            }
        }
        String username = account.credentials().find(USERNAME).orElseThrow(() -> new InvalidAccountException(
                "credentials.username", "credentials.username is required: the Nutshell user's e-mail address"));
        if (username.length() > 254 || username.contains(":")
                || username.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidAccountException("credentials.username", "credentials.username must be the Nutshell"
                    + " user's e-mail address: 1 to 254 characters, without ':' or control characters");
        }
        // Empty values never get this far: Credentials refuses them.
        if (account.credentials().find(API_KEY).isEmpty()) {
            throw new InvalidAccountException("credentials.api_key",
                    "credentials.api_key is required: an API key from Nutshell's Setup → API keys");
        }
        account.baseUrl().map(URI::getRawUserInfo).ifPresent(userInfo -> {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
        });
    }
}
