package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.IntegratedAccount;

import java.util.Map;

/**
 * Told of every token answer that issued an access token, for what a CRM's answers hold besides the
 * tokens (a host they name, for example, which an adapter may compare with the account's root but
 * never follows). Called on the thread that asked for the token, before the token is used.
 */
@FunctionalInterface
public interface TokenAnswerListener {

    /** Listens to nothing. */
    TokenAnswerListener NONE = (account, answer) -> { };

    /**
     * @param account the account the token was issued for
     * @param answer  the token answer's JSON object, with {@code access_token}, {@code refresh_token},
     *                {@code id_token} and {@code client_secret} masked as {@code "***"}
     */
    void tokenIssued(IntegratedAccount account, Map<String, Object> answer);
}
