package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.HeaderSafeCredential;

import java.math.BigInteger;
import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a monday CRM account holds, checked: the endpoint, the API version, the Leads board and the
 * column choice. Never shows the token.
 *
 * @param endpoint   the whole GraphQL endpoint URL: the account's {@code base_url}, else {@value #DEFAULT_ENDPOINT}
 * @param apiVersion the {@code API-Version} header's value
 * @param boardId    the Leads board: only its items are ever deleted
 */
record MondayCrmAccount(URI endpoint, String apiVersion, String boardId, MondayCrmColumns columns, String apiToken) {

    static final String DEFAULT_ENDPOINT = "https://api.monday.com/v2";
    /** The current version since October 2026; a current version stays unchanged for at least six months. */
    static final String DEFAULT_API_VERSION = "2026-10";

    static final String BOARD_ID = "board_id";
    static final String API_VERSION = "api_version";
    static final String COLUMNS = "columns";
    static final String API_TOKEN = "api_token";

    private static final Set<String> CONTEXT_KEYS = Set.of(BOARD_ID, API_VERSION, COLUMNS);
    private static final Pattern BOARD_ID_FORMAT = Pattern.compile("[1-9][0-9]{0,18}");
    private static final BigInteger MAX_INT64 = BigInteger.valueOf(Long.MAX_VALUE);
    // monday releases a version each quarter, in January, April, July and October.
    private static final Pattern API_VERSION_FORMAT = Pattern.compile("[0-9]{4}-(01|04|07|10)");

    @Override
    public String toString() {
        return "MondayCrmAccount[endpoint=" + endpoint + ", apiVersion=" + apiVersion + ", boardId=" + boardId
                + ", columns=" + columns + ", apiToken=***]";
    }

    /** @throws InvalidAccountException naming the first offending field */
    static MondayCrmAccount of(IntegratedAccount account) {
        if (!MondayCrmAdapterProvider.INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'monday_crm', not '" + account.integration() + "'");
        }
        for (String key : account.context().keySet()) {
            if (!CONTEXT_KEYS.contains(key)) {
                throw new InvalidAccountException("context." + key, "context." + key
                        + " is not a monday CRM setting; accepted: context.board_id, context.api_version, context.columns");
            }
        }
        String boardId = account.contextString(BOARD_ID).orElseThrow(() -> new InvalidAccountException(
                "context.board_id", "context.board_id is required: the id of the account's Leads board, as a string"
                        + " of digits (for example \"2001047343\"); only items of that board are deleted"));
        if (!BOARD_ID_FORMAT.matcher(boardId).matches() || new BigInteger(boardId).compareTo(MAX_INT64) > 0) {
            throw new InvalidAccountException("context.board_id",
                    "context.board_id must be a board id: digits without a leading zero, at most 9223372036854775807");
        }
        String apiVersion = account.contextString(API_VERSION).orElse(DEFAULT_API_VERSION);
        if (!API_VERSION_FORMAT.matcher(apiVersion).matches()) {
            throw new InvalidAccountException("context.api_version",
                    "context.api_version must be a monday.com API version YYYY-MM with MM 01, 04, 07 or 10 (for example "
                            + DEFAULT_API_VERSION + ")");
        }
        MondayCrmColumns columns = MondayCrmColumns.TEMPLATE_DEFAULTS;
        Object given = account.context().get(COLUMNS);
        if (given != null) {
            if (!(given instanceof Map<?, ?> map)) {
                throw new InvalidAccountException("context.columns", "context.columns must be an object mapping "
                        + String.join(", ", MondayCrmColumns.KEYS) + " to column ids, for example {\"owner\": \"person\"}");
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, ?> byField = (Map<String, ?>) map;
                columns = MondayCrmColumns.of(byField);
            } catch (IllegalArgumentException e) {
                throw new InvalidAccountException("context.columns", e.getMessage());
            }
        }
        for (String name : account.credentials().names()) {
            if (!name.equals(API_TOKEN)) {
                throw new InvalidAccountException("credentials." + name, "credentials." + name
                        + " is not accepted: monday_crm takes one credential, credentials.api_token");
            }
        }
        String token = account.credentials().find(API_TOKEN).orElseThrow(() -> new InvalidAccountException(
                "credentials.api_token", "credentials.api_token is required: a monday.com personal API token"
                        + " (Profile, Developers, API token)"));
        HeaderSafeCredential.require(account, API_TOKEN);
        URI endpoint = account.baseUrl().orElse(URI.create(DEFAULT_ENDPOINT));
        if (endpoint.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
        }
        return new MondayCrmAccount(endpoint, apiVersion, boardId, columns, token);
    }
}
