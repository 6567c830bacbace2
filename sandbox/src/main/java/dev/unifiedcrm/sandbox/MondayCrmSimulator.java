package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * monday.com's GraphQL API v2 at {@code /v2}: {@code POST} only, the raw API token as {@code Authorization} (no
 * scheme), the version echoed in {@code Api-Version}. It recognises the adapter's two documents by content, not
 * by parsing GraphQL: {@code delete_item} (the mutation, {@code variables.id}) and {@code items}
 * ({@code variables.ids}). Application errors are HTTP 200 with {@code errors[]}, as at monday.
 */
final class MondayCrmSimulator implements ProviderSimulator {

    static final String ROOT = "/v2";
    static final String LEADS_BOARD = "2001047343";
    static final String OTHER_BOARD = "2001047399";
    static final String DEFAULT_API_VERSION = "2026-10";

    private final String apiToken;
    private final RandomValues random;
    private final Map<String, ObjectNode> items = new LinkedHashMap<>();

    MondayCrmSimulator(String apiToken, RandomValues random) {
        this.apiToken = apiToken;
        this.random = random;
        for (ObjectNode item : Json.readLeads("monday-crm-items.json")) {
            items.put(item.get("id").asText(), item);
        }
    }

    /** The leads of the Leads board (the item of the other board left out). */
    List<String> seededLeadIds() {
        return items.values().stream()
                .filter(item -> item.at("/board/id").asText().equals(LEADS_BOARD))
                .map(item -> item.get("id").asText())
                .toList();
    }

    /** Every seeded item id, the other board's included. */
    List<String> seededItemIds() {
        return List.copyOf(items.keySet());
    }

    Map<String, String> credentials() {
        return Map.of("api_token", apiToken);
    }

    @Override
    public Reply handle(IncomingRequest request) {
        String version = Optional.ofNullable(request.header("API-Version")).orElse(DEFAULT_API_VERSION);
        String token = request.header("Authorization");
        if (token == null || !AuthorizationHeader.matches(token, apiToken)) {
            return echo(error(401, "Not authenticated", "NOT_AUTHENTICATED", null), version);
        }
        if (!request.rawPath().equals(ROOT) && !request.rawPath().equals(ROOT + "/")) {
            return echo(error(404, "Not found", "ResourceNotFoundException", 404), version);
        }
        if (!request.method().equals("POST")) {
            return echo(error(405, "Only POST is supported", "METHOD_NOT_ALLOWED", null), version);
        }
        Optional<JsonNode> body = Json.tree(request.body());
        String document = body.map(tree -> tree.path("query").asText("")).orElse("");
        JsonNode variables = body.map(tree -> tree.path("variables")).orElse(Json.object());
        Reply reply;
        if (document.contains("delete_item")) {
            reply = delete(variables.path("id").asText(""));
        } else if (document.contains("items")) {
            reply = query(variables.path("ids"));
        } else {
            reply = error(200, "The sandbox answers only the items query and the delete_item mutation",
                    "GRAPHQL_VALIDATION_FAILED", 400);
        }
        return echo(reply, version);
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, "Internal server error", "INTERNAL_SERVER_ERROR", 500)
                : error(status, "Bad request", "ParseError", 400);
    }

    private Reply query(JsonNode ids) {
        ObjectNode body = Json.object();
        ArrayNode found = body.putObject("data").putArray("items");
        for (JsonNode id : ids) {
            ObjectNode item = items.get(id.asText());
            if (item != null) {
                synchronized (item) {
                    found.add(item.deepCopy());
                }
            }
        }
        return withRequestId(body);
    }

    private Reply delete(String id) {
        ObjectNode item = items.get(id);
        if (item != null) {
            synchronized (item) {
                if (!"deleted".equals(item.get("state").asText())) {
                    item.put("state", "deleted");
                    ObjectNode body = Json.object();
                    body.putObject("data").putObject("delete_item").put("id", id);
                    return withRequestId(body);
                }
            }
        }
        ObjectNode body = Json.object();
        body.putObject("data").putNull("delete_item");
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", "Item not found");
        error.putArray("locations").addObject().put("line", 1).put("column", 12);
        error.putArray("path").add("delete_item");
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", "InvalidItemIdException");
        extensions.put("status_code", 200);
        extensions.putObject("error_data").put("item_id", id);
        extensions.put("service", "monolith");
        return withRequestId(body);
    }

    /** monday's error envelope; {@code statusCode} is the error's {@code extensions.status_code} (none when null). */
    private Reply error(int httpStatus, String message, String code, Integer statusCode) {
        ObjectNode body = Json.object();
        ObjectNode error = body.putArray("errors").addObject();
        error.put("message", message);
        ObjectNode extensions = error.putObject("extensions");
        extensions.put("code", code);
        if (statusCode != null) {
            extensions.put("status_code", statusCode);
        }
        body.putObject("extensions").put("request_id", random.uuid());
        return Reply.json(httpStatus, body);
    }

    private Reply withRequestId(ObjectNode body) {
        body.putObject("extensions").put("request_id", random.uuid());
        return Reply.json(200, body);
    }

    private static Reply echo(Reply reply, String version) {
        return reply.withHeader("Api-Version", version);
    }
}
