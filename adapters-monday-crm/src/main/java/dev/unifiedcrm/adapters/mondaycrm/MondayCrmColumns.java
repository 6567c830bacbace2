package dev.unifiedcrm.adapters.mondaycrm;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which column of the account's Leads board feeds which unified field. Column ids differ per board
 * and are editable, so an account may name its own; the defaults are the column ids of boards made
 * from monday CRM's Leads template. {@code owner} and {@code source} have no default (null: the
 * unified field stays empty).
 */
record MondayCrmColumns(String status, String email, String phone, String title, String company,
                        String owner, String source) {

    static final MondayCrmColumns TEMPLATE_DEFAULTS =
            new MondayCrmColumns("lead_status", "lead_email", "lead_phone", "text", "lead_company", null, null);

    static final List<String> KEYS = List.of("status", "email", "phone", "title", "company", "owner", "source");

    private static final Pattern COLUMN_ID = Pattern.compile("[A-Za-z0-9_]{1,100}");

    /**
     * The defaults with the account's {@code context.columns} laid over them: each key given replaces
     * its default, the others keep theirs.
     *
     * @param columns the {@code columns} object as plain JSON values
     * @throws IllegalArgumentException naming the key when a key is unknown, a value is not a column id
     *                                  {@code [A-Za-z0-9_]{1,100}}, or two keys name the same column
     */
    static MondayCrmColumns of(Map<String, ?> columns) {
        var chosen = new LinkedHashMap<String, String>();
        chosen.put("status", TEMPLATE_DEFAULTS.status);
        chosen.put("email", TEMPLATE_DEFAULTS.email);
        chosen.put("phone", TEMPLATE_DEFAULTS.phone);
        chosen.put("title", TEMPLATE_DEFAULTS.title);
        chosen.put("company", TEMPLATE_DEFAULTS.company);
        chosen.put("owner", null);
        chosen.put("source", null);
        columns.forEach((key, value) -> {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("context.columns." + key + " is not a known key; the keys are "
                        + String.join(", ", KEYS));
            }
            if (!(value instanceof String id) || !COLUMN_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("context.columns." + key
                        + " must be a column id of 1 to 100 letters, digits or underscores (for example lead_status)");
            }
            chosen.put(key, id);
        });
        var firstKeyOfColumn = new HashMap<String, String>();
        chosen.forEach((key, id) -> {
            if (id != null) {
                String other = firstKeyOfColumn.putIfAbsent(id, key);
                if (other != null) {
                    throw new IllegalArgumentException("context.columns." + key + " names column " + id
                            + ", which context.columns." + other + " already uses (given or by default);"
                            + " each column feeds one field");
                }
            }
        });
        return new MondayCrmColumns(chosen.get("status"), chosen.get("email"), chosen.get("phone"),
                chosen.get("title"), chosen.get("company"), chosen.get("owner"), chosen.get("source"));
    }

    /** The column ids that feed a unified field (or, for {@code company}, are left out on purpose). */
    Set<String> claimed() {
        return Stream.of(status, email, phone, title, company, owner, source)
                .filter(id -> id != null)
                .collect(Collectors.toUnmodifiableSet());
    }
}
