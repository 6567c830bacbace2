package dev.unifiedcrm.application;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.unifiedcrm.application.DeleteLeadServiceTest.orderedMap;
import static org.assertj.core.api.Assertions.assertThat;

class FieldExclusionsTest {

    private final Map<String, Object> remoteData = Map.of("success", true, "nested", Map.of("only", 1));

    private Map<String, Object> tree() {
        return orderedMap("id", "42", "owner", orderedMap("id", "7"), "addresses", List.of(orderedMap("city", "Oslo")),
                "remote_data", remoteData, "status", null);
    }

    @Test
    void removesTopLevelFieldsIdIncluded() {
        var tree = tree();
        FieldExclusions.apply(tree, List.of("id", "status"));
        assertThat(tree).containsOnlyKeys("owner", "addresses", "remote_data");
    }

    @Test
    void followsDotPathsThroughObjectsAndLeavesAnEmptiedObject() {
        var tree = tree();
        FieldExclusions.apply(tree, List.of("owner.id", "remote_data.nested.only"));
        assertThat(tree.get("owner")).isEqualTo(Map.of());
        assertThat(tree.get("remote_data")).isEqualTo(Map.of("success", true, "nested", Map.of()));
    }

    @Test
    void aPathThatMeetsAnArrayOrAMissingKeyMatchesNothing() {
        var tree = tree();
        FieldExclusions.apply(tree, List.of("addresses.city", "addresses.0.city", "owner.id.deeper", "missing.key", "status.x", "",
                "remote_data."));
        assertThat(tree).isEqualTo(tree());
    }

    @Test
    void neverChangesTheDataItWasGiven() {
        var tree = tree();
        FieldExclusions.apply(tree, List.of("remote_data.success"));
        assertThat(remoteData).containsKey("success");
        assertThat(tree.get("remote_data")).isEqualTo(Map.of("nested", Map.of("only", 1)));
    }
}
