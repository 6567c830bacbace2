package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeps {@code GET /openapi.json} true to the real routes and to the query parameters the parser reads. */
class OpenApiDocumentTest {

    /** Documented paths that are not a route here: none. */
    static final Set<String> DOCUMENTED_ELSEWHERE = Set.of();

    final JsonNode document = read();

    static JsonNode read() {
        try {
            return new ObjectMapper().readTree(OpenApiDocument.bytes());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void isOpenApi3AndDocumentsExactlyTheRoutes() {
        assertThat(document.get("openapi").asText()).startsWith("3.");
        var documented = new HashSet<String>();
        document.get("paths").fieldNames().forEachRemaining(documented::add);
        var expected = new HashSet<>(DOCUMENTED_ELSEWHERE);
        for (Route route : Route.values()) {
            expected.add(route.template());
            assertThat(document.get("paths").get(route.template()).has(route.method().toLowerCase(Locale.ROOT)))
                    .as(route.template()).isTrue();
        }
        assertThat(documented).isEqualTo(expected);
    }

    @Test
    void documentsEveryParameterTheServiceReads() {
        var names = new ArrayList<String>();
        deleteOperation().get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));

        assertThat(names).containsAll(LeadQuery.PARAMETERS).contains("id", "Idempotency-Key", "x-request-id");
        String text = deleteOperation().toString();
        assertThat(text).contains("truto_exclude_fields[]=a", "truto_exclude_fields[0]=a", "comma list",
                "remote_query[a][b]=c");
    }

    @Test
    void documentsTheHeadersOfEveryAnswer() {
        document.get("paths").forEach(path -> path.forEach(operation -> operation.get("responses").properties()
                .forEach(response -> {
                    JsonNode headers = response.getValue().get("headers");
                    assertThat(headers).as(response.getKey()).isNotNull();
                    assertThat(headers.has("x-request-id")).as(response.getKey()).isTrue();
                    if (response.getKey().equals("405")) {
                        assertThat(headers.has("Allow")).isTrue();
                    }
                })));
        JsonNode deleteResponses = deleteOperation().get("responses");
        assertThat(names(deleteResponses.get("200").get("headers"))).contains("ratelimit-limit", "ratelimit-remaining",
                "ratelimit-reset", "retry-after", "x-delete-outcome", "idempotent-replayed");
        assertThat(deleteResponses.get("401").get("headers").has("WWW-Authenticate")).isTrue();
        assertThat(deleteResponses.get("429").get("headers").has("retry-after")).isTrue();
        assertThat(names(deleteResponses)).contains("200", "204", "400", "401", "404", "405", "422", "429", "500", "502", "504");
        assertThat(names(document.get("components").get("schemas").get("Error").get("properties")))
                .containsExactly("statusCode", "error", "message");
        assertThat(document.get("paths").get("/metrics").get("get").get("security").toString()).contains("bearer");
    }

    @Test
    void everyReferenceResolves() {
        var references = new ArrayList<String>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(document.at(reference.substring(1)).isMissingNode()).as(reference).isFalse();
        }
    }

    private JsonNode deleteOperation() {
        return document.get("paths").get(Route.DELETE_LEAD.template()).get("delete");
    }

    private static List<String> names(JsonNode node) {
        var names = new ArrayList<String>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
