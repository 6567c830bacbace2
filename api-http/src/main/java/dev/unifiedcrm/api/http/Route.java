package dev.unifiedcrm.api.http;

import java.util.List;
import java.util.Optional;

/**
 * The routes of this service, matched on decoded path segments. Matching is exact: a trailing
 * slash, another case or an extra segment is an unknown path.
 */
enum Route {
    DELETE_LEAD("DELETE", "/unified/crm/leads/{id}", true),
    HEALTH("GET", "/health", false),
    OPENAPI("GET", "/openapi.json", false),
    METRICS("GET", "/metrics", true);

    private final String method;
    private final String template;
    private final boolean needsToken;

    Route(String method, String template, boolean needsToken) {
        this.method = method;
        this.template = template;
        this.needsToken = needsToken;
    }

    /** The one method the route answers; any other is a 405 with this as {@code Allow}. */
    String method() {
        return method;
    }

    /** The path as the OpenAPI document spells it. */
    String template() {
        return template;
    }

    boolean needsToken() {
        return needsToken;
    }

    /** A matched route, with the lead id (decoded) for {@link #DELETE_LEAD}. */
    record Match(Route route, String leadId) {
    }

    static Optional<Match> match(List<String> segments) {
        if (segments.size() == 1 && segments.get(0).equals("health")) {
            return Optional.of(new Match(HEALTH, null));
        }
        if (segments.size() == 1 && segments.get(0).equals("openapi.json")) {
            return Optional.of(new Match(OPENAPI, null));
        }
        if (segments.size() == 1 && segments.get(0).equals("metrics")) {
            return Optional.of(new Match(METRICS, null));
        }
        if (segments.size() == 4 && segments.get(0).equals("unified") && segments.get(1).equals("crm")
                && segments.get(2).equals("leads") && !segments.get(3).isEmpty()) {
            return Optional.of(new Match(DELETE_LEAD, segments.get(3)));
        }
        return Optional.empty();
    }
}
