package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Microsoft Dynamics 365 Sales for one environment: the Entra ID token endpoint
 * {@code POST /{tenant_id}/oauth2/v2.0/token} (client credentials, tokens valid 3599 s) and the Dataverse Web API
 * {@code GET} / {@code DELETE /api/data/v9.2/leads({guid})} with {@code Authorization: Bearer <token>}. Errors are
 * {@code {"error": {"code": "0x...", "message": "..."}}}; a missing, unknown or expired token answers 401 with no
 * body and a {@code WWW-Authenticate} naming the tenant. Deletes are hard. One seeded lead's delete is refused by a
 * plug-in (400 {@code 0x80040265}). Choice labels and lookup tables come only when {@code Prefer} asks for
 * annotations.
 */
final class Dynamics365SalesSimulator implements ProviderSimulator {

    static final String ROOT = "/api/data/v9.2";
    static final String PLUGIN_REFUSED_LEAD_ID = "e2f4b6d8-1a3c-4e5f-9b7d-4c6e8a0b2d36";
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3599);

    private static final Pattern LEAD_PATH = Pattern.compile("/api/data/v9\\.2/leads\\(([^/]*)\\)/?");
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern API_SEGMENT = Pattern.compile("/api/data/v9\\.2/([^/(]*).*");

    private static final DateTimeFormatter ENTRA_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String tenantId;
    private final String clientId;
    private final String clientSecret;
    private final RandomValues random;
    private final Clock clock;
    private final ConcurrentMap<String, Instant> tokenExpiries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();

    Dynamics365SalesSimulator(String tenantId, String clientId, String clientSecret, RandomValues random, Clock clock) {
        this.tenantId = tenantId;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.random = random;
        this.clock = clock;
        for (ObjectNode lead : Json.readLeads("dynamics-365-sales-leads.json")) {
            String id = lead.get("leadid").asText();
            leads.put(id, lead);
            seededLeadIds.add(id);
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    /** The client-credentials set of the demo account. */
    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("tenant_id", tenantId);
        credentials.put("client_id", clientId);
        credentials.put("client_secret", clientSecret);
        return credentials;
    }

    /** The token endpoint's path for the simulated tenant. */
    String tokenPath() {
        return "/" + tenantId + "/oauth2/v2.0/token";
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (request.method().equals("POST") && request.rawPath().endsWith("/oauth2/v2.0/token")) {
            return token(request);
        }
        if (!authorized(request.header("Authorization"))) {
            return Reply.empty(401).withHeader("WWW-Authenticate",
                    "Bearer authorization_uri=https://login.microsoftonline.com/" + tenantId + "/oauth2/authorize");
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return error(404, "0x8006088a", "Resource not found for the segment '" + segment(request.rawPath()) + "'.");
        }
        String key = path.group(1);
        if (!GUID.matcher(key).matches()) {
            return error(400, "0x8006088a", "Bad Request - Error in query syntax.");
        }
        String id = key.toLowerCase(Locale.ROOT);
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id, request.header("Prefer"));
            case "DELETE" -> delete(id);
            default -> error(405, "0x80060888", "The HTTP method '" + request.method()
                    + "' is not allowed on a lead; the sandbox supports GET and DELETE.");
        };
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, "0x80040216", "An unexpected error occurred.")
                : error(status, "0x8006088a", "Bad Request");
    }

    private boolean authorized(String header) {
        Optional<Instant> expiry = AuthorizationHeader.bearer(header).map(tokenExpiries::get);
        return expiry.isPresent() && clock.instant().isBefore(expiry.get());
    }

    private Reply find(String id, String prefer) {
        ObjectNode lead = leads.get(id);
        if (lead == null) {
            return doesNotExist(id);
        }
        boolean annotations = prefer != null && prefer.contains("odata.include-annotations");
        return Reply.json(200, annotations ? lead : withoutAnnotations(lead));
    }

    private Reply delete(String id) {
        if (id.equals(PLUGIN_REFUSED_LEAD_ID) && leads.containsKey(id)) {
            return error(400, "0x80040265", "This lead is linked to an active quote and cannot be deleted.");
        }
        return leads.remove(id) == null ? doesNotExist(id) : Reply.empty(204);
    }

    /** The row without the labels and lookup tables a {@code Prefer} header would have asked for. */
    private static ObjectNode withoutAnnotations(ObjectNode lead) {
        ObjectNode plain = lead.deepCopy();
        for (Iterator<String> names = plain.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.contains("@") && !name.startsWith("@odata.")) {
                names.remove();
            }
        }
        return plain;
    }

    private Reply token(IncomingRequest request) {
        if (!request.rawPath().equals(tokenPath())) {
            return entraError(400, "invalid_request", 90002, "AADSTS90002: Tenant '"
                    + request.rawPath().split("/")[1] + "' not found.");
        }
        if (!FormFields.isForm(request.header("Content-Type"))) {
            return entraError(400, "invalid_request", 900144,
                    "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
        }
        Map<String, List<String>> form = FormFields.parse(request.bodyText());
        if (FormFields.hasRepeats(form)) {
            return entraError(400, "invalid_request", 90014, "AADSTS90014: The request body is malformed.");
        }
        Map<String, String> fields = FormFields.firstValues(form);
        if (!"client_credentials".equals(fields.get("grant_type"))) {
            return entraError(400, "unsupported_grant_type", 70003,
                    "AADSTS70003: The app requested an unsupported grant type.");
        }
        if (!AuthorizationHeader.matches(fields.getOrDefault("client_id", ""), clientId)) {
            return entraError(400, "unauthorized_client", 700016, "AADSTS700016: Application with identifier '"
                    + fields.getOrDefault("client_id", "") + "' was not found in the directory.");
        }
        if (!AuthorizationHeader.matches(fields.getOrDefault("client_secret", ""), clientSecret)) {
            return entraError(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided.");
        }
        if (!(origin(request) + "/.default").equals(fields.get("scope"))) {
            return entraError(400, "invalid_scope", 70011,
                    "AADSTS70011: The provided value for the input parameter 'scope' is not valid.");
        }
        String accessToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + random.hex(48);
        tokenExpiries.put(accessToken, clock.instant().plus(TOKEN_LIFETIME));
        ObjectNode body = Json.object();
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        body.put("ext_expires_in", TOKEN_LIFETIME.toSeconds());
        body.put("access_token", accessToken);
        return Reply.json(200, body);
    }

    /** The environment's origin as the client sees it; its scope is this origin + {@code /.default}. */
    private static String origin(IncomingRequest request) {
        String host = request.header("Host");
        return "http://" + (host == null ? "127.0.0.1" : host);
    }

    private static String segment(String rawPath) {
        Matcher api = API_SEGMENT.matcher(rawPath);
        if (api.matches()) {
            return api.group(1);
        }
        String[] segments = rawPath.split("/");
        return segments.length > 1 ? segments[1] : "";
    }

    private Reply doesNotExist(String id) {
        return error(404, "0x80040217", "Entity 'lead' With Id = " + id + " Does Not Exist");
    }

    private static Reply error(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return Reply.json(status, body);
    }

    private Reply entraError(int status, String error, int errorCode, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        ArrayNode codes = body.putArray("error_codes");
        codes.add(errorCode);
        body.put("timestamp", ENTRA_TIMESTAMP.format(clock.instant()));
        body.put("trace_id", random.uuid());
        body.put("correlation_id", random.uuid());
        return Reply.json(status, body);
    }
}
