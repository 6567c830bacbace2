package dev.unifiedcrm.application;

import java.util.List;
import java.util.Map;

/**
 * Removes {@code truto_exclude_fields} from a {@code unified} or {@code normalized} tree: a
 * top-level name ({@code remote_data}) or a dot path through nested objects ({@code owner.id});
 * a path that meets an array or a missing key matches nothing; unknown names are ignored.
 * Removing an object's last key leaves {@code {}}.
 */
public final class FieldExclusions {

    private FieldExclusions() {
    }

    /**
     * Applies the exclusions in place. The tree's maps must be mutable; nested maps that belong to
     * the caller's data (such as remote data) are copied before a key is removed from them.
     */
    public static void apply(Map<String, Object> tree, List<String> paths) {
        for (String path : paths) {
            remove(tree, path.split("\\.", -1), 0);
        }
    }

    @SuppressWarnings("unchecked")
    private static void remove(Map<String, Object> object, String[] path, int depth) {
        String key = path[depth];
        if (!object.containsKey(key)) {
            return;
        }
        if (depth == path.length - 1) {
            object.remove(key);
            return;
        }
        if (object.get(key) instanceof Map<?, ?> child) {
            var copy = new java.util.LinkedHashMap<>((Map<String, Object>) child);
            object.put(key, copy);
            remove(copy, path, depth + 1);
        }
    }
}
