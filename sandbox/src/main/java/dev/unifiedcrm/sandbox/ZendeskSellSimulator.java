package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zendesk Sell Core API v2 at {@code /v2}: {@code GET} and {@code DELETE /leads/{id}}, a Bearer access token, a
 * required {@code User-Agent}, errors always in the {@code errors[]} envelope whose {@code logref} is the
 * answer's {@code X-Request-Id}. Its OAuth token endpoint at {@value #TOKEN_PATH} takes the refresh-token
 * grant (client by HTTP Basic, or form fields) and issues access tokens that live {@value #TOKEN_LIFETIME_SECONDS}
 * s, short on purpose so that a running sandbox shows renewals; the static personal token works too.
 */
final class ZendeskSellSimulator implements ProviderSimulator {

    static final String ROOT = "/v2";
    static final String TOKEN_PATH = "/oauth2/token";
    static final long TOKEN_LIFETIME_SECONDS = 30;

    private static final Pattern LEAD_PATH = Pattern.compile("/v2/leads/([^/]*)/?");
    private static final Pattern LEAD_ID = Pattern.compile("[0-9]{1,19}");

    private final String accessToken;
    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> issuedTokens = new ConcurrentHashMap<>();
    private final RandomValues random;
    private final ConcurrentMap<Long, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();

    ZendeskSellSimulator(String accessToken, RandomValues random, Clock clock) {
        this.accessToken = accessToken;
        this.random = random;
        this.clock = clock;
        this.clientId = random.hex(16);
        this.clientSecret = random.hex(32);
        this.refreshToken = random.hex(32);
        for (ObjectNode lead : Json.readLeads("zendesk-sell-leads.json")) {
            long id = lead.get("id").asLong();
            leads.put(id, lead);
            seededLeadIds.add(Long.toString(id));
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("access_token", accessToken);
        return credentials;
    }

    /** The OAuth client and refresh token of the demo account. */
    Map<String, String> oauthCredentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("client_id", clientId);
        credentials.put("client_secret", clientSecret);
        credentials.put("refresh_token", refreshToken);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (request.rawPath().equals(TOKEN_PATH)) {
            return token(request);
        }
        String userAgent = request.header("User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            return error(400, "Bad Request", null, "invalid_user_agent", "Bad Request",
                    "Every request must carry a User-Agent header.");
        }
        boolean authorized = AuthorizationHeader.bearer(request.header("Authorization"))
                .filter(token -> AuthorizationHeader.matches(token, accessToken) || live(token))
                .isPresent();
        if (!authorized) {
            return error(401, "Unauthorized", null, "unauthorized", "Unauthorized",
                    "Required access token is missing, malformed, expired, or invalid.");
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return error(404, "Not Found", null, "incorrect_path", "Incorrect Path",
                    "The requested path does not exist.");
        }
        String unknownParameter = firstParameterName(request.rawQuery());
        if (unknownParameter != null) {
            // Sell's lead GET and DELETE take no query parameters; it refuses any it does not know.
            return error(400, "Bad Request", null, "invalid_param", "Invalid Parameter",
                    "Unknown parameter: " + unknownParameter + ". A lead's GET and DELETE take no parameters.");
        }
        String id = path.group(1);
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> error(405, "Method Not Allowed", "lead", "method_not_allowed", "Method Not Allowed",
                    "The sandbox supports only GET and DELETE on a lead.");
        };
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, "Internal Server Error", null, "server_error", "Internal Server Error",
                        "Unexpected error.")
                : error(status, "Bad Request", null, "invalid_param", "Bad Request", "The request is invalid.");
    }

    private Reply find(String id) {
        Long key = key(id);
        ObjectNode lead = key == null ? null : leads.get(key);
        if (lead == null) {
            return leadNotFound();
        }
        ObjectNode body = Json.object();
        body.set("data", lead);
        body.putObject("meta").put("type", "lead");
        return withRequestId(Reply.json(200, body), random.hex(16));
    }

    private Reply delete(String id) {
        Long key = key(id);
        boolean removed = key != null && leads.remove(key) != null;
        return removed ? withRequestId(Reply.empty(204), random.hex(16)) : leadNotFound();
    }

    private boolean live(String token) {
        Instant expiry = issuedTokens.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    /** The refresh-token grant: a wrong client is 401 invalid_client, a wrong grant 400 invalid_grant (RFC 6749). */
    private Reply token(IncomingRequest request) {
        if (!request.method().equals("POST")) {
            return oauthError(405, "invalid_request", "The token endpoint takes POST only.");
        }
        Map<String, String> form = request.formFields();
        var client = AuthorizationHeader.basic(request.header("Authorization"))
                .map(basic -> Map.entry(basic.user(), basic.password()))
                .orElse(Map.entry(form.getOrDefault("client_id", ""), form.getOrDefault("client_secret", "")));
        if (!AuthorizationHeader.matches(client.getKey(), clientId) || !AuthorizationHeader.matches(client.getValue(), clientSecret)) {
            return oauthError(401, "invalid_client", "Client authentication failed.");
        }
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "Only the refresh_token grant is supported here.");
        }
        if (!AuthorizationHeader.matches(form.getOrDefault("refresh_token", ""), refreshToken)) {
            return oauthError(400, "invalid_grant", "The refresh token is invalid, expired or revoked.");
        }
        String token = random.hex(32);
        Instant now = clock.instant();
        issuedTokens.values().removeIf(expiry -> !now.isBefore(expiry));
        issuedTokens.put(token, now.plusSeconds(TOKEN_LIFETIME_SECONDS));
        ObjectNode body = Json.object();
        body.put("access_token", token);
        body.put("token_type", "bearer");
        body.put("expires_in", TOKEN_LIFETIME_SECONDS);
        body.put("refresh_token", refreshToken);
        body.put("scope", "read write");
        return Reply.json(200, body);
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(status, body);
    }

    /** The decoded name of the query's first parameter, or {@code null} when the query has none. */
    private static String firstParameterName(String rawQuery) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                String name = equals < 0 ? pair : pair.substring(0, equals);
                try {
                    return URLDecoder.decode(name, StandardCharsets.UTF_8);
                } catch (IllegalArgumentException malformed) {
                    return name;
                }
            }
        }
        return null;
    }

    /** The id as a positive 64-bit number, or {@code null} when it is not one. */
    private static Long key(String id) {
        if (!LEAD_ID.matcher(id).matches()) {
            return null;
        }
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException tooLarge) {
            return null;
        }
    }

    private Reply leadNotFound() {
        return error(404, "Not Found", "lead", "not_found", "Not Found", "Requested lead was not found.");
    }

    private Reply error(int status, String reason, String resource, String code, String message, String details) {
        String requestId = random.hex(16);
        ObjectNode body = Json.object();
        ObjectNode entry = body.putArray("errors").addObject();
        ObjectNode error = entry.putObject("error");
        error.put("resource", resource);
        error.putNull("field");
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        entry.putObject("meta").put("type", "error");
        ObjectNode meta = body.putObject("meta");
        meta.put("type", "errors");
        meta.put("http_status", status + " " + reason);
        meta.put("logref", requestId);
        return withRequestId(Reply.json(status, body), requestId);
    }

    private static Reply withRequestId(Reply reply, String requestId) {
        return reply.withHeader("X-Request-Id", requestId);
    }
}
