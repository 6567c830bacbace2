package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HubSpot's CRM objects API for the Leads object at the root ({@code /crm/objects/{version}/leads/{id}}, any
 * date version from 2020-03 on) and its OAuth token endpoint ({@code POST /oauth/{version}/token}).
 *
 * <p>One fixed, public OAuth client ({@value #CLIENT_ID} / {@value #CLIENT_SECRET}, refresh token
 * {@value #REFRESH_TOKEN}, given back unchanged: HubSpot's refresh tokens do not rotate) and one static token
 * ({@value #STATIC_TOKEN}) for static-set accounts. DELETE answers 204 for every id, like HubSpot (a missing lead
 * too); only a GET tells a missing lead (404). The error-trigger ids ({@code 9000000000000000400} and the like)
 * answer with HubSpot's error for that status. Rate-limit headers are sent, never enforced.
 */
final class HubSpotSimulator implements ProviderSimulator {

    static final String ROOT = "";
    static final String CLIENT_ID = "sandbox-client";
    static final String CLIENT_SECRET = "sandbox-secret";
    static final String REFRESH_TOKEN = "sandbox-refresh-token";
    static final String STATIC_TOKEN = "sandbox-static-token";
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(1800);
    static final int TEN_SECOND_ALLOWANCE = 100;
    static final long DAILY_ALLOWANCE = 250_000;

    private static final String VERSION = "20[2-9][0-9]-(?:03|09)";
    private static final Pattern LEAD_PATH = Pattern.compile("/crm/objects/" + VERSION + "/leads/([^/]*)");
    private static final Pattern TOKEN_PATH = Pattern.compile("/oauth/" + VERSION + "/token");
    /** The demo account's date version: its token endpoint is {@code /oauth/2026-03/token}. */
    static final String DEMO_API_VERSION = "2026-03";
    private static final Set<String> ASSOCIATION_TYPES = Set.of("contacts", "companies");

    private final RandomValues random;
    private final Clock clock;
    private final ConcurrentMap<String, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();
    private final Set<String> portalProperties = new TreeSet<>();
    private final ConcurrentMap<String, Instant> issuedTokens = new ConcurrentHashMap<>();
    private final RollingWindow tenSeconds;
    private final AtomicLong dailyRemaining = new AtomicLong(DAILY_ALLOWANCE);

    HubSpotSimulator(RandomValues random, Clock clock) {
        this.random = random;
        this.clock = clock;
        this.tenSeconds = new RollingWindow(clock, Duration.ofSeconds(10), TEN_SECOND_ALLOWANCE);
        for (ObjectNode lead : Json.readLeads("hubspot-leads.json")) {
            String id = lead.get("id").asText();
            leads.put(id, lead);
            seededLeadIds.add(id);
            lead.get("properties").fieldNames().forEachRemaining(portalProperties::add);
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    /** The token endpoint of a date version, below the simulator's root. */
    static String tokenPath(String apiVersion) {
        return "/oauth/" + apiVersion + "/token";
    }

    /** The refresh set of the demo account: the fixed public OAuth client of the simulator. */
    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("client_id", CLIENT_ID);
        credentials.put("client_secret", CLIENT_SECRET);
        credentials.put("refresh_token", REFRESH_TOKEN);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (TOKEN_PATH.matcher(request.rawPath()).matches()) {
            return request.method().equals("POST") ? token(request) : notFoundPage();
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return notFoundPage();
        }
        String token = AuthorizationHeader.bearer(request.header("Authorization")).orElse(null);
        boolean staticToken = token != null && AuthorizationHeader.matches(token, STATIC_TOKEN);
        Instant expiry = token == null ? null : issuedTokens.get(token);
        if (!staticToken && expiry == null) {
            return rateLimited(error(401, "Authentication credentials not found. This API supports OAuth 2.0"
                    + " authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview",
                    "INVALID_AUTHENTICATION"), false);
        }
        if (!staticToken && !clock.instant().isBefore(expiry)) {
            long ago = Duration.between(expiry, clock.instant()).toSeconds();
            return rateLimited(error(401, "The OAuth token used to make this call expired " + ago + " second(s) ago.",
                    "EXPIRED_AUTHENTICATION"), false);
        }
        String id = path.group(1);
        Reply trigger = trigger(id);
        if (trigger != null) {
            return rateLimited(trigger, staticToken);
        }
        Reply reply = switch (request.method()) {
            case "GET" -> find(id, FormFields.parse(request.rawQuery()));
            case "DELETE" -> delete(id);
            default -> error(405, "Method " + request.method() + " is not supported on a lead.", "VALIDATION_ERROR");
        };
        return rateLimited(reply, staticToken);
    }

    @Override
    public Reply failure(int status) {
        return status >= 500
                ? error(status, "internal error", "INTERNAL_ERROR")
                : error(status, "The request is invalid.", "VALIDATION_ERROR");
    }

    private Reply find(String id, Map<String, List<String>> query) {
        ObjectNode lead = leads.get(id);
        if (lead == null || "true".equals(FormFields.single(query, "archived"))) {
            return leadNotFound();
        }
        Set<String> asked = new TreeSet<>(listed(query, "properties"));
        asked.retainAll(portalProperties);
        ObjectNode body = Json.object();
        body.put("id", id);
        ObjectNode properties = body.putObject("properties");
        JsonNode stored = lead.get("properties");
        for (String name : asked) {
            properties.set(name, stored.has(name) ? stored.get(name) : Json.object().nullNode());
        }
        body.set("createdAt", lead.get("createdAt"));
        body.set("updatedAt", lead.get("updatedAt"));
        body.put("archived", false);
        List<String> types = listed(query, "associations").stream().filter(ASSOCIATION_TYPES::contains).distinct().toList();
        if (!types.isEmpty()) {
            ObjectNode associations = body.putObject("associations");
            for (String type : types) {
                associations.set(type, lead.get("associations").get(type));
            }
        }
        return Reply.json(200, body);
    }

    private Reply delete(String id) {
        // HubSpot archives without telling whether the lead existed: 204 either way.
        leads.remove(id);
        return Reply.empty(204);
    }

    /** Every value of a comma-separated, possibly repeated query parameter. */
    private static List<String> listed(Map<String, List<String>> query, String name) {
        List<String> values = new ArrayList<>();
        for (String value : query.getOrDefault(name, List.of())) {
            for (String item : value.split(",")) {
                if (!item.isEmpty()) {
                    values.add(item);
                }
            }
        }
        return values;
    }

    private Reply trigger(String id) {
        return switch (id) {
            case "9000000000000000400" -> error(400, "Leads are not available on this portal.", "VALIDATION_ERROR");
            case "9000000000000000401" -> error(401, "The OAuth token used to make this call expired 0 second(s) ago.",
                    "EXPIRED_AUTHENTICATION");
            case "9000000000000000403" -> error(403,
                    "This app hasn't been granted all required scopes to make this call.", "MISSING_SCOPES");
            case "9000000000000000404" -> notFoundPage();
            case "9000000000000000423" -> error(423, "Record is locked", "LOCKED");
            case "9000000000000000429" -> rateLimit("You have reached your daily limit.", "DAILY")
                    .withHeader("X-HubSpot-RateLimit-Daily-Remaining", "0");
            case "9000000000000001429" -> rateLimit("You have reached your ten_secondly_rolling limit.",
                    "TEN_SECONDLY_ROLLING");
            case "9000000000000000500" -> error(500, "internal error", "INTERNAL_ERROR");
            case "9000000000000000503" -> error(503, "internal error", "INTERNAL_ERROR");
            default -> null;
        };
    }

    private Reply token(IncomingRequest request) {
        String contentType = request.header("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "the body must be application/x-www-form-urlencoded",
                    "BAD_REQUEST");
        }
        Map<String, List<String>> form = FormFields.parse(request.bodyText());
        if (!"refresh_token".equals(FormFields.single(form, "grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "grant_type must be refresh_token", "BAD_GRANT_TYPE");
        }
        String clientId = FormFields.single(form, "client_id");
        String clientSecret = FormFields.single(form, "client_secret");
        if (clientId == null || clientSecret == null || !AuthorizationHeader.matches(clientId, CLIENT_ID)
                || !AuthorizationHeader.matches(clientSecret, CLIENT_SECRET)) {
            return oauthError(400, "invalid_client", "client is invalid", "BAD_CLIENT_ID");
        }
        String refreshToken = FormFields.single(form, "refresh_token");
        if (refreshToken == null || !AuthorizationHeader.matches(refreshToken, REFRESH_TOKEN)) {
            return oauthError(400, "invalid_grant", "refresh token is invalid, expired or revoked",
                    "BAD_REFRESH_TOKEN");
        }
        String accessToken = "sandbox-" + random.hex(24);
        issuedTokens.put(accessToken, clock.instant().plus(TOKEN_LIFETIME));
        ObjectNode body = Json.object();
        body.put("access_token", accessToken);
        body.put("refresh_token", REFRESH_TOKEN);
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        body.put("token_type", "bearer");
        body.put("token_use", "access_token");
        body.put("hub_id", 12345678);
        body.put("user_id", 987654);
        body.putArray("scopes").add("crm.objects.leads.read").add("crm.objects.leads.write").add("oauth");
        return Reply.json(200, body);
    }

    private Reply oauthError(int status, String error, String description, String hubSpotStatus) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        body.put("status", hubSpotStatus);
        body.put("message", description);
        return Reply.json(status, body);
    }

    private Reply rateLimit(String message, String policy) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", message);
        body.put("errorType", "RATE_LIMIT");
        body.put("correlationId", random.uuid());
        body.put("policyName", policy);
        body.put("requestId", random.uuid());
        return Reply.json(429, body).withHeader("Retry-After", "1");
    }

    private Reply leadNotFound() {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", "resource not found");
        body.put("correlationId", random.uuid());
        return Reply.json(404, body);
    }

    private Reply error(int status, String message, String category) {
        ObjectNode body = Json.object();
        body.put("status", "error");
        body.put("message", message);
        body.put("correlationId", random.uuid());
        body.put("category", category);
        return Reply.json(status, body);
    }

    private static Reply notFoundPage() {
        return Reply.text(404, "text/html;charset=utf-8",
                "<html><head><title>Error 404 Not Found</title></head><body><h2>HTTP ERROR 404</h2></body></html>");
    }

    /** Adds the 10-second window's headers, and the daily pair for the static token (OAuth calls get none). */
    private Reply rateLimited(Reply reply, boolean staticToken) {
        Reply counted = reply
                .withHeader("X-HubSpot-RateLimit-Max", Integer.toString(TEN_SECOND_ALLOWANCE))
                .withHeader("X-HubSpot-RateLimit-Remaining", Integer.toString(tenSeconds.countAndRemaining()))
                .withHeader("X-HubSpot-RateLimit-Interval-Milliseconds", "10000");
        if (!staticToken) {
            return counted;
        }
        long daily = Math.max(0, dailyRemaining.decrementAndGet());
        counted = counted.withHeader("X-HubSpot-RateLimit-Daily", Long.toString(DAILY_ALLOWANCE));
        return reply.headers().containsKey("X-HubSpot-RateLimit-Daily-Remaining")
                ? counted
                : counted.withHeader("X-HubSpot-RateLimit-Daily-Remaining", Long.toString(daily));
    }
}
