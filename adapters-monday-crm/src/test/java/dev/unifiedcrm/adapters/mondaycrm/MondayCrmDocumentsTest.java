package dev.unifiedcrm.adapters.mondaycrm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class MondayCrmDocumentsTest {

    private final MondayCrmDocuments documents = new MondayCrmDocuments(MondayCrmAnswers.JSON);

    private static JsonNode tree(byte[] body) throws IOException {
        return MondayCrmAnswers.JSON.readTree(body);
    }

    @Test
    void theIdTravelsOnlyAsAStringVariable() throws IOException {
        JsonNode check = tree(documents.boardCheck("18273395993"));
        JsonNode fetch = tree(documents.fetch("18273395993"));
        JsonNode delete = tree(documents.delete("18273395993"));

        assertThat(check.get("query").asText())
                .isEqualTo("query ($ids: [ID!]) { items (ids: $ids) { id state board { id } } }");
        assertThat(check.at("/variables/ids/0").isTextual()).isTrue();
        assertThat(check.at("/variables/ids/0").asText()).isEqualTo("18273395993");
        assertThat(fetch.get("query").asText()).contains("items (ids: $ids)", "column_values", "... on PeopleValue",
                "persons_and_teams { id kind }", "board { id }").doesNotContain("exclude_nonactive");
        assertThat(fetch.at("/variables/ids/0").asText()).isEqualTo("18273395993");
        assertThat(delete.get("query").asText()).isEqualTo("mutation ($id: ID!) { delete_item (item_id: $id) { id } }");
        assertThat(delete.at("/variables/id").isTextual()).isTrue();
        assertThat(delete.at("/variables/id").asText()).isEqualTo("18273395993");
        for (JsonNode body : new JsonNode[] {check, fetch, delete}) {
            assertThat(body.get("query").asText()).doesNotContain("18273395993");
        }
    }

    @Test
    void itemIdsArePositive64BitIntegersSentAsGiven() {
        assertThat(LeadId.parse("9223372036854775807", LeadIdFormat.POSITIVE_INT64).value()).isEqualTo("9223372036854775807");
        assertThat(LeadIdFormat.POSITIVE_INT64.canonical("18273395993")).contains("18273395993");
        for (String bad : new String[] {"0", "007", "+5", "9223372036854775808", "1e3", " 1", "\u0661"}) {
            assertThat(LeadIdFormat.POSITIVE_INT64.canonical(bad)).as(bad).isEmpty();
        }
    }
}
