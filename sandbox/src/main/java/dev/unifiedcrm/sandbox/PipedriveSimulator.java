package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pipedrive's API v1 leads ({@code GET} and {@code DELETE /api/v1/leads/{id}}) and its OAuth token endpoint
 * ({@code POST /oauth/token}).
 *
 * <p>Auth: {@code x-api-token} equal to the demo account's token, or a Bearer access token the token endpoint
 * issued and that has not expired; anything else (an {@code api_token} query parameter counts as nothing) gets the
 * gateway's 401. The token endpoint knows one fixed, public client ({@value #CLIENT_ID} / {@value #CLIENT_SECRET},
 * HTTP Basic) and rotates refresh tokens as Pipedrive does: {@value #FIRST_REFRESH_TOKEN}, then
 * {@code sandbox-refresh-token-1}, ..., each valid once. Deletes are permanent. The error-trigger ids
 * ({@code 00000000-0000-4000-8000-000000000402} and the like) answer with Pipedrive's error for that case, two of
 * them inside a 200. Rate-limit headers are sent, never enforced.
 */
final class PipedriveSimulator implements ProviderSimulator {

    static final String ROOT = "/api/v1";
    static final String TOKEN_PATH = "/oauth/token";
    static final String CLIENT_ID = "sandbox-client";
    static final String CLIENT_SECRET = "sandbox-secret";
    static final String FIRST_REFRESH_TOKEN = "sandbox-refresh-token-0";
    static final Duration TOKEN_LIFETIME = Duration.ofSeconds(3600);
    static final int BURST_ALLOWANCE = 20;
    static final long DAILY_TOKENS = 30_000;
    static final int DELETE_COST = 6;
    static final int GET_COST = 2;

    private static final Pattern LEAD_PATH = Pattern.compile("/api/v1/leads/([^/]*)");
    private static final String TRIGGER_PREFIX = "00000000-0000-4000-8000-00000000";
    private static final String GENERIC_INFO = "Please check developers.pipedrive.com";

    private final String apiToken;
    private final RandomValues random;
    private final Clock clock;
    private final ConcurrentMap<String, ObjectNode> leads = new ConcurrentHashMap<>();
    private final List<String> seededLeadIds = new ArrayList<>();
    private final ConcurrentMap<String, Instant> issuedTokens = new ConcurrentHashMap<>();
    private final RollingWindow burst;
    private final AtomicLong dailyTokensLeft = new AtomicLong(DAILY_TOKENS);
    private int refreshGeneration;

    PipedriveSimulator(String apiToken, RandomValues random, Clock clock) {
        this.apiToken = apiToken;
        this.random = random;
        this.clock = clock;
        this.burst = new RollingWindow(clock, Duration.ofSeconds(2), BURST_ALLOWANCE);
        for (ObjectNode lead : Json.readLeads("pipedrive-leads.json")) {
            String id = lead.get("id").asText();
            leads.put(id, lead);
            seededLeadIds.add(id);
        }
    }

    List<String> seededLeadIds() {
        return List.copyOf(seededLeadIds);
    }

    /** The demo account's static set. */
    Map<String, String> credentials() {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("api_token", apiToken);
        return credentials;
    }

    @Override
    public Reply handle(IncomingRequest request) {
        if (request.rawPath().equals(TOKEN_PATH)) {
            return request.method().equals("POST") ? token(request) : error(405, "Method not allowed");
        }
        Matcher path = LEAD_PATH.matcher(request.rawPath());
        if (!path.matches()) {
            return error(404, "Unknown method .");
        }
        if (!authorized(request)) {
            return rateLimited(gatewayUnauthorized(), 0);
        }
        String id = path.group(1);
        int cost = request.method().equals("DELETE") ? DELETE_COST : GET_COST;
        Reply trigger = id.startsWith(TRIGGER_PREFIX) ? trigger(id.substring(TRIGGER_PREFIX.length())) : null;
        if (trigger != null) {
            return rateLimited(trigger, cost);
        }
        Reply reply = switch (request.method()) {
            case "GET" -> find(id);
            case "DELETE" -> delete(id);
            default -> error(405, "Method not allowed");
        };
        return rateLimited(reply, cost);
    }

    @Override
    public Reply failure(int status) {
        return error(status, status >= 500 ? "Internal server error" : "Bad request");
    }

    private boolean authorized(IncomingRequest request) {
        String presented = request.header("x-api-token");
        if (presented != null && AuthorizationHeader.matches(presented, apiToken)) {
            return true;
        }
        return AuthorizationHeader.bearer(request.header("Authorization"))
                .map(issuedTokens::get)
                .filter(expiry -> clock.instant().isBefore(expiry))
                .isPresent();
    }

    private Reply find(String id) {
        ObjectNode lead = leads.get(id);
        if (lead == null) {
            return leadNotFound();
        }
        ObjectNode body = Json.object();
        body.put("success", true);
        body.set("data", lead);
        return Reply.json(200, body);
    }

    private Reply delete(String id) {
        if (leads.remove(id) == null) {
            return leadNotFound();
        }
        ObjectNode body = Json.object();
        body.put("success", true);
        body.putObject("data").put("id", id);
        return Reply.json(200, body);
    }

    private Reply trigger(String suffix) {
        return switch (suffix) {
            case "0401" -> gatewayUnauthorized();
            case "0402" -> error(402, "Company account is not open");
            case "0403" -> error(403, "You do not have permission to delete leads");
            case "1403" -> Reply.text(403, "text/html; charset=UTF-8", "<!DOCTYPE html><html><head>"
                    + "<title>Attention Required! | Cloudflare</title></head><body><h1>Sorry, you have been blocked</h1>"
                    + "</body></html>");
            case "0422" -> error(422, "Lead is not in a valid state");
            case "0429" -> error(429, "Too many requests")
                    .withHeader("x-daily-ratelimit-token-limit", Long.toString(DAILY_TOKENS))
                    .withHeader("x-daily-ratelimit-token-remaining", "0")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", "2")
                    .withHeader("Retry-After", "1");
            case "1429" -> error(429, "Too many requests")
                    .withHeader("x-ratelimit-remaining", "0")
                    .withHeader("x-ratelimit-reset", "1")
                    .withHeader("Retry-After", "1");
            case "0500" -> error(500, "Internal server error");
            case "0503" -> error(503, "Internal server error");
            case "1200" -> {
                ObjectNode body = Json.object();
                body.put("success", false);
                body.put("error", "Unknown failure");
                yield Reply.json(200, body);
            }
            case "2200" -> {
                ObjectNode body = Json.object();
                body.put("success", false);
                body.put("error", "Permission denied");
                body.put("errorCode", 403);
                yield Reply.json(200, body);
            }
            default -> null;
        };
    }

    /**
     * The burst window's headers (20 per rolling 2 s) and the company's daily token budget, {@code cost} tokens
     * less; a header the reply already has (a 429 trigger's) is kept.
     */
    private Reply rateLimited(Reply reply, int cost) {
        long daily = Math.max(0, dailyTokensLeft.addAndGet(-cost));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-ratelimit-limit", Integer.toString(BURST_ALLOWANCE));
        headers.put("x-ratelimit-remaining", Integer.toString(burst.countAndRemaining()));
        headers.put("x-ratelimit-reset", "2");
        headers.put("x-daily-ratelimit-token-limit", Long.toString(DAILY_TOKENS));
        headers.put("x-daily-ratelimit-token-remaining", Long.toString(daily));
        Reply counted = reply;
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (!reply.headers().containsKey(header.getKey())) {
                counted = counted.withHeader(header.getKey(), header.getValue());
            }
        }
        return counted;
    }

    /** The API gateway's one answer for a missing, wrong, expired or revoked token. */
    private static Reply gatewayUnauthorized() {
        ObjectNode body = Json.object();
        body.put("success", false);
        body.put("error", "unauthorized access");
        body.put("errorCode", 401);
        body.put("error_info", GENERIC_INFO);
        return Reply.json(401, body).withHeader("x-401-by-gw", "true");
    }

    private synchronized Reply token(IncomingRequest request) {
        boolean client = AuthorizationHeader.basic(request.header("Authorization"))
                .filter(basic -> AuthorizationHeader.matches(basic.user(), CLIENT_ID)
                        && AuthorizationHeader.matches(basic.password(), CLIENT_SECRET))
                .isPresent();
        if (!client) {
            return oauthError(401, "invalid_client", "Invalid client: client is invalid");
        }
        String contentType = request.header("Content-Type");
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return oauthError(400, "invalid_request", "Invalid request: content must be application/x-www-form-urlencoded");
        }
        Map<String, List<String>> form = FormFields.parse(request.bodyText());
        if (!"refresh_token".equals(FormFields.single(form, "grant_type"))) {
            return oauthError(400, "unsupported_grant_type", "Unsupported grant type: grant_type must be refresh_token");
        }
        String presented = FormFields.single(form, "refresh_token");
        if (presented == null || !AuthorizationHeader.matches(presented, currentRefreshToken())) {
            return oauthError(400, "invalid_grant", "Invalid grant: refresh_token is invalid");
        }
        refreshGeneration++;
        String accessToken = "v1u:" + random.hex(24);
        issuedTokens.put(accessToken, clock.instant().plus(TOKEN_LIFETIME));
        ObjectNode body = Json.object();
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("refresh_token", currentRefreshToken());
        body.put("scope", "base,leads:full");
        body.put("expires_in", TOKEN_LIFETIME.toSeconds());
        String host = request.header("Host");
        body.put("api_domain", host == null ? "http://127.0.0.1" : "http://" + host);
        return Reply.json(200, body);
    }

    private String currentRefreshToken() {
        return "sandbox-refresh-token-" + refreshGeneration;
    }

    private static Reply oauthError(int status, String error, String description) {
        ObjectNode body = Json.object();
        body.put("error", error);
        body.put("error_description", description);
        return Reply.json(status, body);
    }

    private static Reply leadNotFound() {
        return error(404, "Lead not found");
    }

    private static Reply error(int status, String message) {
        ObjectNode body = Json.object();
        body.put("success", false);
        body.put("error", message);
        body.put("error_info", GENERIC_INFO);
        body.putNull("data");
        body.putNull("additional_data");
        return Reply.json(status, body);
    }
}
