package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.QueryParameter;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The query of {@code DELETE /unified/crm/leads/{id}}, parsed from the raw query string (every
 * parameter is in the README's HTTP API section and in {@code GET /openapi.json}). The server's own query map is not used: it decodes differently, throws on a bad
 * escape and loses the spelling of bracketed keys.
 */
record LeadQuery(
        IntegratedAccountId accountId,
        ResponseFormat format,
        boolean ignoreRemoteData,
        List<String> excludedFields,
        List<QueryParameter> remoteQuery,
        boolean returnDeletedLead) {

    static final String ACCOUNT_ID = "integrated_account_id";
    static final String FORMAT = "truto_response_format";
    static final String IGNORE_REMOTE_DATA = "truto_ignore_remote_data";
    static final String EXCLUDE_FIELDS = "truto_exclude_fields";
    static final String REMOTE_QUERY = "remote_query";
    static final String RETURN_DELETED_LEAD = "return_deleted_lead";

    /** Every parameter this API reads, as documented (the OpenAPI document must name each). */
    static final List<String> PARAMETERS =
            List.of(ACCOUNT_ID, FORMAT, IGNORE_REMOTE_DATA, EXCLUDE_FIELDS, REMOTE_QUERY, RETURN_DELETED_LEAD);

    private static final Pattern EXCLUDE_SPELLING = Pattern.compile("truto_exclude_fields(\\[\\]|\\[[0-9]+\\])?");
    private static final int MAX_ECHO = 64;

    LeadQuery {
        excludedFields = List.copyOf(excludedFields);
        remoteQuery = List.copyOf(remoteQuery);
    }

    /** A query the API does not accept; the message says what is wrong and what is accepted. */
    static final class InvalidQueryException extends Exception {
        InvalidQueryException(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * @param rawQuery the query string as received (without {@code ?}), or {@code null} when there is none
     */
    static LeadQuery parse(String rawQuery) throws InvalidQueryException {
        String accountId = null;
        String format = null;
        String ignoreRemoteData = null;
        String returnDeletedLead = null;
        var excluded = new ArrayList<String>();
        var remoteQuery = new ArrayList<QueryParameter>();
        Set<String> seen = new HashSet<>();

        for (String pair : rawQuery == null ? new String[0] : rawQuery.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String rawValue = equals < 0 ? "" : pair.substring(equals + 1);
            String name = decode(rawName, "a parameter name");
            String value = decode(rawValue, "the value of " + quote(name));

            switch (name) {
                case ACCOUNT_ID -> accountId = single(seen, name, value);
                case FORMAT -> format = single(seen, name, value);
                case IGNORE_REMOTE_DATA -> ignoreRemoteData = single(seen, name, value);
                case RETURN_DELETED_LEAD -> returnDeletedLead = single(seen, name, value);
                default -> {
                    if (EXCLUDE_SPELLING.matcher(name).matches()) {
                        for (String field : value.split(",", -1)) {
                            String trimmed = field.strip();
                            if (!trimmed.isEmpty()) {
                                excluded.add(trimmed);
                            }
                        }
                    } else if (name.equals(REMOTE_QUERY) || name.startsWith(REMOTE_QUERY + "[")) {
                        remoteQuery.add(new QueryParameter(remoteName(name), value));
                    }
                    // Any other parameter is ignored, as the README's HTTP API section says.
                }
            }
        }

        if (accountId == null) {
            throw new InvalidQueryException("The query parameter integrated_account_id is required: give the UUID"
                    + " of the integrated account (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");
        }
        String givenAccountId = accountId;
        var parsedAccountId = IntegratedAccountId.parse(accountId).orElseThrow(() -> new InvalidQueryException(
                "integrated_account_id " + quote(givenAccountId) + " is not a UUID: expected the form"
                        + " xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hex digits."));
        ResponseFormat parsedFormat = ResponseFormat.DEFAULT;
        if (format != null) {
            String given = format;
            parsedFormat = ResponseFormat.fromParameter(format).orElseThrow(() -> new InvalidQueryException(
                    "truto_response_format " + quote(given) + " is not supported: use "
                            + ResponseFormat.acceptedValues() + "."));
        }
        return new LeadQuery(parsedAccountId, parsedFormat, bool(IGNORE_REMOTE_DATA, ignoreRemoteData), excluded,
                remoteQuery, bool(RETURN_DELETED_LEAD, returnDeletedLead));
    }

    private static String decode(String raw, String what) throws InvalidQueryException {
        try {
            return PercentDecoding.decodeFormComponent(raw);
        } catch (PercentDecoding.MalformedEscapeException e) {
            throw new InvalidQueryException("The query string holds a malformed percent-escape in " + what + ": "
                    + e.getMessage() + " (for example %2C); the query is decoded as"
                    + " application/x-www-form-urlencoded.");
        }
    }

    private static String single(Set<String> seen, String name, String value) throws InvalidQueryException {
        if (!seen.add(name)) {
            throw new InvalidQueryException("The query parameter " + name + " is given more than once: give it at"
                    + " most once.");
        }
        return value;
    }

    private static boolean bool(String name, String value) throws InvalidQueryException {
        if (value == null) {
            return false;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQueryException(name + " " + quote(value) + " is not a boolean: use true or"
                    + " false (any case; the default is false).");
        };
    }

    /** {@code remote_query[foo]} is {@code foo}; {@code remote_query[a][b]} is {@code a[b]}. */
    private static String remoteName(String name) throws InvalidQueryException {
        int close = name.indexOf(']');
        if (!name.startsWith(REMOTE_QUERY + "[") || close < 0 || close == REMOTE_QUERY.length() + 1) {
            throw new InvalidQueryException("The query parameter " + quote(name) + " is not a valid remote_query"
                    + " parameter: use remote_query[name]=value (or remote_query[a][b]=value for a[b]=value).");
        }
        return name.substring(REMOTE_QUERY.length() + 1, close) + name.substring(close + 1);
    }

    private static String quote(String value) {
        String shown = value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "...";
        return "'" + shown + "'";
    }
}
