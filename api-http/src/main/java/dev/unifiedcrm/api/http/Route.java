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

    private static final String ID = "{id}";

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

    /**
     * The route whose template the segments fit: a literal segment matches itself exactly, {@code {id}}
     * any non-empty segment.
     */
    static Optional<Match> match(List<String> segments) {
        for (Route route : values()) {
            String[] parts = route.template.substring(1).split("/", -1);
            if (parts.length != segments.size()) {
                continue;
            }
            String id = null;
            boolean fits = true;
            for (int i = 0; i < parts.length && fits; i++) {
                String segment = segments.get(i);
                if (parts[i].equals(ID)) {
                    id = segment;
                    fits = !segment.isEmpty();
                } else {
                    fits = parts[i].equals(segment);
                }
            }
            if (fits) {
                return Optional.of(new Match(route, id));
            }
        }
        return Optional.empty();
    }
}
