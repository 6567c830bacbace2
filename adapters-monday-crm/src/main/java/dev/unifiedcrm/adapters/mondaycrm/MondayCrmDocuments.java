package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three GraphQL request bodies the adapter sends. The lead id travels only as a variable, never
 * inside the document text, so no id can change what a document asks for. {@code items(ids:)} is
 * sent without {@code exclude_nonactive}: the board check must see archived and deleted items too.
 */
final class MondayCrmDocuments {

    static final String BOARD_CHECK = "query ($ids: [ID!]) { items (ids: $ids) { id state board { id } } }";

    static final String FETCH = "query ($ids: [ID!]) { items (ids: $ids) { id name state created_at updated_at"
            + " creator_id board { id } group { id title } column_values { id type text value"
            + " ... on StatusValue { label } ... on EmailValue { email } ... on PhoneValue { phone }"
            + " ... on PeopleValue { persons_and_teams { id kind } } } } }";

    static final String DELETE = "mutation ($id: ID!) { delete_item (item_id: $id) { id } }";

    private final ObjectMapper json;

    MondayCrmDocuments(ObjectMapper json) {
        this.json = json;
    }

    /** Step 1 of every plain delete: the item's board and state. */
    byte[] boardCheck(String itemId) {
        return body(BOARD_CHECK, Map.of("ids", List.of(itemId)));
    }

    /** The check and the fetch in one, for {@code return_deleted_lead}. */
    byte[] fetch(String itemId) {
        return body(FETCH, Map.of("ids", List.of(itemId)));
    }

    byte[] delete(String itemId) {
        return body(DELETE, Map.of("id", itemId));
    }

    private byte[] body(String document, Map<String, Object> variables) {
        var body = new LinkedHashMap<String, Object>();
        body.put("query", document);
        body.put("variables", variables);
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException impossible) {
            throw new UncheckedIOException(impossible);
        }
    }
}
