package dev.unifiedcrm.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The one Jackson mapper of the module: writes reply bodies and reads the seeded leads. */
final class Json {

    // Floats as BigDecimal so seeded values come back exactly as written: the tree keeps their scale
    // (12500000.0000, not 1.25E+7) and every digit (a double would round 12345678.1234567891).
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a reply body", e);
        }
    }

    /** A request body as a JSON tree, or empty when it is not JSON. */
    static Optional<JsonNode> tree(byte[] body) {
        try {
            JsonNode tree = MAPPER.readTree(body);
            return tree == null || tree.isMissingNode() ? Optional.empty() : Optional.of(tree);
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }

    /** Reads a JSON array of lead objects from a class-path resource next to this class. */
    static List<ObjectNode> readLeads(String resource) {
        try (InputStream in = Json.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing seed resource " + resource);
            }
            JsonNode array = MAPPER.readTree(in);
            List<ObjectNode> leads = new ArrayList<>();
            array.forEach(lead -> leads.add((ObjectNode) lead));
            return leads;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read seed resource " + resource, e);
        }
    }
}
