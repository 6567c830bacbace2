package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Nutshell's REST API at {@code /rest}: {@code GET} and {@code DELETE /leads/{id}} with HTTP Basic (user e-mail
 * and API key). Ids are accepted as {@code <n>-leads} or a bare {@code <n>}; a live lead is answered with the
 * JSON-API style envelope ({@code meta}, {@code links}, {@code leads[]}, companion {@code contacts} and
 * {@code accounts}); a delete answers the same envelope and keeps the lead soft-deleted. As at Nutshell, 401 and
 * 404 are HTML pages, not JSON.
 */
final class NutshellSimulator implements ProviderSimulator {

    static final String ROOT = "/rest";
    static final String USERNAME = "demo@sandbox.example";

    private static final String HTML = "text/html; charset=UTF-8";
    private static final Pattern LEAD_PATH = Pattern.compile("/rest/leads/([^/]*)/?");
    private static final Pattern LEAD_ID = Pattern.compile("([1-9][0-9]{0,18})(-leads)?");

    private final String username;
    private final String apiKey;
    private final Map<String, ObjectNode> envelopes = new LinkedHashMap<>();
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();

    NutshellSimulator(String apiKey) {
        this(USERNAME, apiKey);
    }

    /** @param username the demo user's e-mail address, the Basic user name it accepts */
    NutshellSimulator(String username, String apiKey) {
        this.username = username;
        this.apiKey = apiKey;
        for (ObjectNode envelope : Json.readLeads("nutshell-leads.json")) {
            envelopes.put(envelope.at("/leads/0/id").asText(), envelope);
        }
    }

    /** The seeded ids in their API form ({@code 1001-leads}, ...). */
    List<String> seededLeadIds() {
        return List.copyOf(envelopes.keySet());
    }

    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("username", username);
        credentials.put("api_key", apiKey);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        boolean authorized = AuthorizationHeader.basic(request.header("Authorization"))
                .filter(basic -> basic.user().equals(username) && AuthorizationHeader.matches(basic.password(), apiKey))
                .isPresent();
        if (!authorized) {
            return failure(401);
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return failure(404);
        }
        String id = path.group(1);
        if (id.contains(",") || id.toLowerCase(Locale.ROOT).contains("%2c")) {
            // Nutshell would address several records; the service never sends such an id.
            return failure(400);
        }
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> failure(405);
        };
    }

    @Override
    public Reply failure(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            default -> status >= 500 ? "Internal Server Error" : "Error";
        };
        return Reply.text(status, HTML, "<!DOCTYPE html><html><head><title>An Error Occurred: " + reason
                + "</title></head><body><h1>Oops! An Error Occurred</h1><h2>The server returned a \"" + status + " "
                + reason + "\".</h2></body></html>");
    }

    private Reply find(String id) {
        ObjectNode envelope = live(id);
        return envelope == null ? failure(404) : Reply.json(200, envelope);
    }

    private Reply delete(String id) {
        ObjectNode envelope = live(id);
        if (envelope == null || !deleted.add(envelope.at("/leads/0/id").asText())) {
            return failure(404);
        }
        return Reply.json(200, envelope);
    }

    /** The envelope of a lead that exists and is not deleted, by either id form; null otherwise. */
    private ObjectNode live(String id) {
        Matcher match = LEAD_ID.matcher(id);
        if (!match.matches()) {
            return null;
        }
        String apiId = match.group(1) + "-leads";
        return deleted.contains(apiId) ? null : envelopes.get(apiId);
    }
}
