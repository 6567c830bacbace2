package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's REST API for one org: the OAuth token endpoint {@code POST /services/oauth2/token} (client
 * credentials grant, tokens that expire 15 minutes after issue) and {@code GET} / {@code DELETE
 * /services/data/v64.0/sobjects/Lead/{id}} with {@code Authorization: Bearer <token>}. Errors are JSON arrays
 * {@code [{"message", "errorCode"}]}; every API answer carries {@code Sforce-Limit-Info: api-usage=N/15000}, N
 * counting the API calls since start. A delete moves the lead to the Recycle Bin: later calls on it answer 404
 * {@code ENTITY_IS_DELETED}. One seeded lead is locked: its delete answers 400 {@code ENTITY_IS_LOCKED}.
 */
final class SalesforceSimulator implements ProviderSimulator {

    static final String ROOT = "/services/data/v64.0";
    static final String TOKEN_PATH = "/services/oauth2/token";
    static final String LOCKED_LEAD_ID = "00QHs00000Pd9KwMAJ";
    static final int DAILY_ALLOCATION = 15_000;
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(15);

    private static final Pattern LEAD_PATH = Pattern.compile("/services/data/v64\\.0/sobjects/Lead/([^/]*)/?");
    private static final String ORG_ID = "00DHs000000Xyz1MAC";
    private static final String RUN_AS_USER_ID = "005Hs00000A9tQwIAJ";

    private final String mount;
    private final String clientId;
    private final String clientSecret;
    private final RandomValues random;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> tokenExpiries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ObjectNode> live = new ConcurrentHashMap<>();
    private final Set<String> recycleBin = ConcurrentHashMap.newKeySet();
    private final List<String> seededLeadIds = new ArrayList<>();
    private final AtomicLong apiCalls = new AtomicLong();

    /**
     * @param mount the path prefix the server mounts this simulator under ({@code /salesforce}), so that the
     *              token answer's {@code instance_url} names the simulated org
     */
    SalesforceSimulator(String mount, String clientId, String clientSecret, RandomValues random, Clock clock) {
        this.mount = mount;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.random = random;
        this.clock = clock;
        for (ObjectNode lead : Json.readLeads("salesforce-leads.json")) {
            String id = lead.get("Id").asText();
            live.put(id, lead);
            seededLeadIds.add(id);
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    /** The client-credentials set of the demo account. */
    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("client_id", clientId);
        credentials.put("client_secret", clientSecret);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (request.rawPath().equals(TOKEN_PATH) && request.method().equals("POST")) {
            return token(request);
        }
        return withUsage(api(request));
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, "UNKNOWN_EXCEPTION", "An unexpected error occurred. Please include this ErrorId if you"
                        + " contact support: " + random.hex(8))
                : error(status, "BAD_REQUEST", "The request could not be read.");
    }

    private Reply api(IncomingRequest request) {
        if (!authorized(request.header("Authorization"))) {
            return error(401, "INVALID_SESSION_ID", "Session expired or invalid");
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return notFound();
        }
        String id = path.group(1);
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> error(405, "METHOD_NOT_ALLOWED",
                    "HTTP Method '" + request.method() + "' not allowed. Allowed are GET,PATCH,DELETE,HEAD");
        };
    }

    private boolean authorized(String header) {
        Optional<Instant> expiry = AuthorizationHeader.bearer(header).map(tokenExpiries::get);
        return expiry.isPresent() && clock.instant().isBefore(expiry.get());
    }

    private Reply find(String id) {
        Optional<String> key = seededId(id);
        if (key.isEmpty()) {
            return notFound();
        }
        ObjectNode lead = live.get(key.get());
        return lead == null ? entityIsDeleted() : Reply.json(200, lead);
    }

    private Reply delete(String id) {
        Optional<String> key = seededId(id);
        if (key.isEmpty()) {
            return notFound();
        }
        if (key.get().equals(LOCKED_LEAD_ID) && live.containsKey(key.get())) {
            return errorWithFields(400, "ENTITY_IS_LOCKED",
                    "This record is locked. If you need to edit it, contact your admin.");
        }
        if (live.remove(key.get()) == null) {
            return entityIsDeleted();
        }
        recycleBin.add(key.get());
        return Reply.empty(204);
    }

    /** The seeded 18-character id {@code id} names: itself, or the one whose first 15 characters it is (case-sensitive). */
    private Optional<String> seededId(String id) {
        return seededLeadIds.stream()
                .filter(seeded -> seeded.equals(id) || (id.length() == 15 && seeded.startsWith(id)))
                .findFirst();
    }

    private Reply token(IncomingRequest request) {
        if (!FormFields.isForm(request.header("Content-Type"))) {
            return oauthError("invalid_request", "the request must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = FormFields.parse(request.bodyText());
        if (FormFields.hasRepeats(form)) {
            return oauthError("invalid_request", "malformed form body");
        }
        Map<String, String> fields = FormFields.firstValues(form);
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        boolean clientMatches = AuthorizationHeader.matches(fields.getOrDefault("client_id", ""), clientId)
                & AuthorizationHeader.matches(fields.getOrDefault("client_secret", ""), clientSecret);
        if (!clientMatches) {
            return oauthError("invalid_client", "invalid client credentials");
        }
        String accessToken = ORG_ID.substring(0, 15) + "!" + random.hex(32);
        Instant issued = clock.instant();
        tokenExpiries.put(accessToken, issued.plus(TOKEN_LIFETIME));
        ObjectNode body = Json.object();
        body.put("access_token", accessToken);
        body.put("signature", random.hex(32));
        body.put("scope", "api");
        body.put("instance_url", instanceUrl(request));
        body.put("id", "https://login.salesforce.com/id/" + ORG_ID + "/" + RUN_AS_USER_ID);
        body.put("token_type", "Bearer");
        body.put("issued_at", Long.toString(issued.toEpochMilli()));
        return Reply.json(200, body);
    }

    private String instanceUrl(IncomingRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host) + mount;
    }

    private Reply notFound() {
        return error(404, "NOT_FOUND", "The requested resource does not exist");
    }

    private Reply entityIsDeleted() {
        return errorWithFields(404, "ENTITY_IS_DELETED", "entity is deleted");
    }

    private Reply withUsage(Reply reply) {
        return reply.withHeader("Sforce-Limit-Info", "api-usage=" + apiCalls.incrementAndGet() + "/" + DAILY_ALLOCATION);
    }

    private static Reply error(int status, String errorCode, String message) {
        ArrayNode body = Json.array();
        body.addObject().put("errorCode", errorCode).put("message", message);
        return Reply.json(status, body);
    }

    private static Reply errorWithFields(int status, String errorCode, String message) {
        ArrayNode body = Json.array();
        ObjectNode error = body.addObject().put("message", message).put("errorCode", errorCode);
        error.putArray("fields");
        return Reply.json(status, body);
    }

    private static Reply oauthError(String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(400, body);
    }
}
