package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Insightly API v3.1 at {@code /v3.1}: {@code GET} and {@code DELETE /Leads/{id}}, Basic auth with the API key as
 * user name and an empty password, a daily quota counted down in {@code X-RateLimit-*} on every answer.
 */
final class InsightlySimulator implements ProviderSimulator {

    static final String ROOT = "/v3.1";
    static final String POD = "sandbox";
    static final int DAILY_QUOTA = 1000;

    // ASP.NET routing, as Insightly's API runs on it, ignores the case of path segments.
    private static final Pattern LEAD_PATH = Pattern.compile("/v3\\.1/Leads/([^/]*)/?", Pattern.CASE_INSENSITIVE);
    private static final Pattern LEAD_ID = Pattern.compile("[0-9]{1,18}");

    private final String apiKey;
    private final ConcurrentMap<Long, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();
    private final int dailyQuota;
    private final AtomicInteger remainingToday;

    /** {@code dailyQuota}: requests for the simulator's lifetime (there is no day change in a demo). */
    InsightlySimulator(String apiKey, int dailyQuota) {
        this.apiKey = apiKey;
        this.dailyQuota = dailyQuota;
        this.remainingToday = new AtomicInteger(dailyQuota);
        for (ObjectNode lead : Json.readLeads("insightly-leads.json")) {
            long id = lead.get("LEAD_ID").asLong();
            leads.put(id, lead);
            seededLeadIds.add(Long.toString(id));
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("api_key", apiKey);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (!authorized(request.header("Authorization"))) {
            return withQuota(message(401, "Authorization has been denied for this request."));
        }
        if (remainingToday.getAndUpdate(left -> Math.max(0, left - 1)) == 0) {
            return withQuota(message(429, "API daily request limit exceeded."));
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return withQuota(message(404, "No HTTP resource was found that matches the request URI."));
        }
        String id = path.group(1);
        return withQuota(switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> message(405, "The requested resource does not support http method '" + request.method() + "'.");
        });
    }

    @Override
    public Reply failure(int status) {
        return withQuota(message(status, status >= 500 ? "An error has occurred." : "The request is invalid."));
    }

    private Reply find(String id) {
        ObjectNode lead = LEAD_ID.matcher(id).matches() ? leads.get(Long.parseLong(id)) : null;
        return lead == null ? leadNotFound(id) : Reply.json(200, lead);
    }

    private Reply delete(String id) {
        boolean removed = LEAD_ID.matcher(id).matches() && leads.remove(Long.parseLong(id)) != null;
        // As recorded: 202 Accepted with no body and no Content-Type.
        return removed ? Reply.empty(202) : leadNotFound(id);
    }

    private boolean authorized(String header) {
        return AuthorizationHeader.basic(header)
                .filter(credentials -> credentials.password().isEmpty())
                .filter(credentials -> AuthorizationHeader.matches(credentials.user(), apiKey))
                .isPresent();
    }

    private Reply withQuota(Reply reply) {
        return reply.withHeader("X-RateLimit-Limit", Integer.toString(dailyQuota))
                .withHeader("X-RateLimit-Remaining", Integer.toString(remainingToday.get()));
    }

    /** As recorded from the real API: plain text naming the id (reason phrase {@code Lead Not Found}). */
    private static Reply leadNotFound(String id) {
        return Reply.text(404, "No Lead with ID = " + id);
    }

    private static Reply message(int status, String message) {
        ObjectNode body = Json.object();
        body.put("Message", message);
        return Reply.json(status, body);
    }
}
