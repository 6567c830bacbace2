package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Zoho CRM: the REST API v8 at {@code /crm/v8} ({@code GET} and {@code DELETE /Leads/{id}} with
 * {@code Authorization: Zoho-oauthtoken <token>}) and Zoho Accounts' token endpoint at
 * {@code /oauth/v2/token} (the refresh grant as a form). As at Zoho, a refused grant is HTTP 200 with an
 * OAuth {@code error}, and a delete of an unknown or recycled lead is HTTP 200 with an error item.
 */
final class ZohoCrmSimulator implements ProviderSimulator {

    static final String API_ROOT = "/crm/v8";
    static final String TOKEN_PATH = "/oauth/v2/token";
    static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    private static final Pattern LEAD_PATH = Pattern.compile("/crm/v8/Leads/([^/]*)/?");

    private final String clientId;
    private final String clientSecret;
    private final String refreshToken;
    private final RandomValues random;
    private final Clock clock;
    private final Map<String, ObjectNode> leads = new LinkedHashMap<>();
    private final Set<String> recycled = ConcurrentHashMap.newKeySet();
    private final ConcurrentMap<String, Instant> accessTokens = new ConcurrentHashMap<>();
    private volatile String apiDomain = "http://127.0.0.1";

    ZohoCrmSimulator(String clientId, String clientSecret, String refreshToken, RandomValues random, Clock clock) {
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.refreshToken = refreshToken;
        this.random = random;
        this.clock = clock;
        for (ObjectNode lead : Json.readLeads("zoho-crm-leads.json")) {
            leads.put(lead.get("id").asText(), lead);
        }
    }

    /** The {@code api_domain} token answers name (the server's origin, once it is known). */
    void apiDomain(URI origin) {
        this.apiDomain = origin.toString();
    }

    List<String> seededLeadIds() {
        return List.copyOf(leads.keySet());
    }

    /** The refresh set: {@code client_id}, {@code client_secret}, {@code refresh_token}. */
    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("client_id", clientId);
        credentials.put("client_secret", clientSecret);
        credentials.put("refresh_token", refreshToken);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (request.rawPath().equals(TOKEN_PATH)) {
            return request.method().equals("POST") ? token(request) : oauthError("invalid_request");
        }
        if (!authorized(request.header("Authorization"))) {
            return topLevelError(401, "INVALID_TOKEN", "invalid oauth token");
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return topLevelError(404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one");
        }
        String id = URLDecoder.decode(path.group(1), StandardCharsets.UTF_8);
        return switch (request.method()) {
            case "GET", "HEAD" -> find(id);
            case "DELETE" -> delete(id);
            default -> topLevelError(405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one");
        };
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? topLevelError(status, "INTERNAL_ERROR", "Internal Server Error")
                : topLevelError(status, "INVALID_REQUEST", "The request is invalid");
    }

    /** The refresh grant, read from the form body (and the query, where Zoho's pages put the fields). */
    private Reply token(IncomingRequest request) {
        Map<String, String> form = new LinkedHashMap<>(FormFields.firstValues(FormFields.parse(request.rawQuery())));
        form.putAll(request.formFields());
        if (!"refresh_token".equals(form.get("grant_type"))) {
            return oauthError("unsupported_grant_type");
        }
        if (!matches(form.get("client_id"), clientId) || !matches(form.get("client_secret"), clientSecret)) {
            return oauthError("invalid_client");
        }
        if (!matches(form.get("refresh_token"), refreshToken)) {
            return oauthError("invalid_code");
        }
        String accessToken = "1000." + random.hex(16) + "." + random.hex(16);
        accessTokens.put(accessToken, clock.instant().plus(TOKEN_LIFETIME));
        ObjectNode body = Json.object();
        body.put("access_token", accessToken);
        body.put("scope", "ZohoCRM.modules.ALL");
        body.put("api_domain", apiDomain);
        body.put("token_type", "Bearer");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        return Reply.json(200, body);
    }

    private boolean authorized(String header) {
        if (header == null || !header.startsWith("Zoho-oauthtoken ")) {
            return false;
        }
        Instant expires = accessTokens.get(header.substring("Zoho-oauthtoken ".length()));
        return expires != null && clock.instant().isBefore(expires);
    }

    private Reply find(String id) {
        ObjectNode lead = live(id);
        if (lead == null) {
            return Reply.empty(204);
        }
        ObjectNode body = Json.object();
        body.putArray("data").add(lead);
        return Reply.json(200, body);
    }

    private Reply delete(String id) {
        ObjectNode lead = live(id);
        if (lead == null || !recycled.add(id)) {
            ObjectNode body = Json.object();
            ObjectNode item = body.putArray("data").addObject();
            item.put("code", "INVALID_DATA");
            item.putObject("details").put("id", id);
            item.put("message", "the id given seems to be invalid.");
            item.put("status", "error");
            return Reply.json(200, body);
        }
        ObjectNode body = Json.object();
        ObjectNode item = body.putArray("data").addObject();
        item.put("code", "SUCCESS");
        item.putObject("details").put("id", id);
        item.put("message", "record deleted");
        item.put("status", "success");
        return Reply.json(200, body);
    }

    private ObjectNode live(String id) {
        return recycled.contains(id) ? null : leads.get(id);
    }

    private static Reply oauthError(String error) {
        ObjectNode body = Json.object();
        body.put("error", error);
        return Reply.json(200, body);
    }

    private static Reply topLevelError(int status, String code, String message) {
        ObjectNode body = Json.object();
        body.put("code", code);
        body.putObject("details");
        body.put("message", message);
        body.put("status", "error");
        return Reply.json(status, body);
    }

    private static boolean matches(String presented, String expected) {
        return presented != null && AuthorizationHeader.matches(presented, expected);
    }
}
