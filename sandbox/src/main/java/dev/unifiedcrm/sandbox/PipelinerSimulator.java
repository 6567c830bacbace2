package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipeliner REST API v100 at {@code /api/v100/rest/spaces/sandbox}: {@code GET} and
 * {@code DELETE /entities/Leads/{uuid}}, Basic auth with the API application's user name and password. Deletion
 * is soft (the lead stays, marked {@code is_deleted}, and {@code GET} still serves it so; a second delete
 * answers 404) and refused for a delete-protected lead.
 */
final class PipelinerSimulator implements ProviderSimulator {

    static final String SPACE_ID = "sandbox";
    static final String ROOT = "/api/v100/rest/spaces/" + SPACE_ID;

    private static final Pattern SPACE_PATH = Pattern.compile("/api/v100/rest/spaces/([^/]+)(/.*)?");
    private static final Pattern LEAD_PATH = Pattern.compile("/entities/Leads/([^/]*)/?");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private enum Deletion { DELETED, NOT_FOUND, PROTECTED }

    private final String username;
    private final String password;
    private final Clock clock;
    private final ConcurrentMap<String, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();

    PipelinerSimulator(String username, String password, Clock clock) {
        this.username = username;
        this.password = password;
        this.clock = clock;
        for (ObjectNode lead : Json.readLeads("pipeliner-leads.json")) {
            String id = lead.get("id").asText();
            leads.put(id, lead);
            seededLeadIds.add(id);
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("password", password);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (!authorized(request.header("Authorization"))) {
            return unauthorized("Authentication failed: missing or invalid credentials.");
        }
        Matcher space = SPACE_PATH.matcher(request.rawPath());
        if (!space.matches()) {
            return error(404, 404, "ERROR_NOT_FOUND", "Resource not found.");
        }
        if (!space.group(1).equals(SPACE_ID)) {
            // API credentials belong to one space.
            return unauthorized("The credentials are not valid for space '" + space.group(1) + "'.");
        }
        Matcher lead = LEAD_PATH.matcher(space.group(2) == null ? "" : space.group(2));
        if (!lead.matches()) {
            return error(404, 404, "ERROR_NOT_FOUND", "Resource not found.");
        }
        String id = lead.group(1);
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> error(405, 405, "ERROR_METHOD_NOT_ALLOWED",
                    "Method " + request.method() + " is not allowed here.");
        };
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, 500, "ERROR_INTERNAL", "Unexpected error.")
                : error(status, status, "ERROR_BAD_REQUEST", "The request is invalid.");
    }

    private Reply find(String id) {
        ObjectNode lead = UUID.matcher(id).matches() ? leads.get(id.toLowerCase(Locale.ROOT)) : null;
        // A soft-deleted lead is still served, marked "is_deleted": true, as Pipeliner may do.
        if (lead == null) {
            return leadNotFound(id);
        }
        ObjectNode body = Json.object();
        body.put("success", true);
        body.set("data", lead);
        return Reply.json(200, body);
    }

    private Reply delete(String id) {
        if (!UUID.matcher(id).matches()) {
            return leadNotFound(id);
        }
        String key = id.toLowerCase(Locale.ROOT);
        AtomicReference<Deletion> outcome = new AtomicReference<>(Deletion.NOT_FOUND);
        // Stored nodes are never changed in place: a deletion swaps in a changed copy, atomically per lead.
        leads.computeIfPresent(key, (ignored, lead) -> {
            if (lead.path("is_deleted").asBoolean()) {
                return lead;
            }
            if (lead.path("is_delete_protected").asBoolean()) {
                outcome.set(Deletion.PROTECTED);
                return lead;
            }
            outcome.set(Deletion.DELETED);
            return softDeleted(lead);
        });
        return switch (outcome.get()) {
            case DELETED -> {
                ObjectNode body = Json.object();
                body.put("success", true);
                body.put("data", key);
                yield Reply.json(200, body);
            }
            case PROTECTED -> deleteProtected(key);
            case NOT_FOUND -> leadNotFound(id);
        };
    }

    private ObjectNode softDeleted(ObjectNode lead) {
        ObjectNode deleted = lead.deepCopy();
        deleted.put("is_deleted", true);
        deleted.put("modified", TIMESTAMP.format(clock.instant()));
        deleted.put("revision", lead.path("revision").asLong() + 1);
        return deleted;
    }

    private boolean authorized(String header) {
        return AuthorizationHeader.basic(header)
                .filter(credentials -> AuthorizationHeader.matches(credentials.user(), username)
                        & AuthorizationHeader.matches(credentials.password(), password))
                .isPresent();
    }

    private static Reply unauthorized(String message) {
        return error(401, 401, "ERROR_UNAUTHORIZED", message)
                .withHeader("WWW-Authenticate", "Basic realm=\"restapi\"");
    }

    private static Reply leadNotFound(String id) {
        return error(404, 404, "ERROR_ENTITY_NOT_FOUND", "Entity Lead with id '" + id + "' not found.");
    }

    private static Reply deleteProtected(String id) {
        ObjectNode body = errorBody(422, 40000, "ERROR_ENTITY_VALIDATION",
                "[is_delete_protected] Lead is protected against deletion.");
        body.put("entity_id", id);
        body.put("entity_name", "Lead");
        ObjectNode entityError = Json.object();
        entityError.put("code", 40000);
        entityError.put("name", "ERROR_ENTITY_VALIDATION");
        entityError.put("message", "Lead is protected against deletion.");
        body.putArray("entity_errors").add(entityError);
        body.putArray("field_errors");
        return Reply.json(422, body);
    }

    private static Reply error(int status, int code, String name, String message) {
        return Reply.json(status, errorBody(status, code, name, message));
    }

    private static ObjectNode errorBody(int status, int code, String name, String message) {
        ObjectNode body = Json.object();
        body.put("success", false);
        body.put("http_status", status);
        body.put("code", code);
        body.put("name", name);
        body.put("message", message);
        return body;
    }
}
