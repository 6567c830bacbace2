package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
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
 * answer's {@code X-Request-Id}.
 */
final class ZendeskSellSimulator implements ProviderSimulator {

    static final String ROOT = "/v2";

    private static final Pattern LEAD_PATH = Pattern.compile("/v2/leads/([^/]*)/?");
    private static final Pattern LEAD_ID = Pattern.compile("[0-9]{1,19}");

    private final String accessToken;
    private final RandomValues random;
    private final ConcurrentMap<Long, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();

    ZendeskSellSimulator(String accessToken, RandomValues random) {
        this.accessToken = accessToken;
        this.random = random;
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

    @Override
    public Reply handle(IncomingRequest request) {
        String userAgent = request.header("User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            return error(400, "Bad Request", null, "invalid_user_agent", "Bad Request",
                    "Every request must carry a User-Agent header.");
        }
        boolean authorized = AuthorizationHeader.bearer(request.header("Authorization"))
                .filter(token -> AuthorizationHeader.matches(token, accessToken))
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
