package dev.unifiedcrm.adapters.hubspot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lead properties the fetch asks for: HubSpot returns only the properties a request names, so
 * the fetch always names the standard ones the mapping reads, then the account's own custom ones
 * (its {@code context.custom_properties}), which become the unified {@code custom_fields}.
 */
final class HubSpotProperties {

    /** Read by the mapping or kept for {@code remote_data}; requested in this order. */
    static final List<String> STANDARD = List.of(
            "hs_lead_name", "hs_lead_type", "hs_lead_label", "hs_lead_source", "hs_pipeline",
            "hs_pipeline_stage", "hubspot_owner_id", "hs_associated_contact_firstname",
            "hs_associated_contact_lastname", "hs_associated_contact_email", "hs_associated_company_name",
            "hs_associated_company_domain", "hs_last_activity_date", "hs_createdate", "hs_lastmodifieddate",
            "hs_object_id");

    static final String CONTEXT_KEY = "custom_properties";
    static final int MAX_CUSTOM = 50;
    static final int MAX_LENGTH = 2000;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,99}");

    private HubSpotProperties() {
    }

    /**
     * The custom property names of {@code context.custom_properties}, in their order.
     *
     * @throws IllegalArgumentException saying what is wrong and what is accepted (never echoing more
     *                                  than the offending name)
     */
    static List<String> parseCustom(String configured) {
        if (configured == null || configured.isEmpty()) {
            throw new IllegalArgumentException(CONTEXT_KEY + " must name 1 to " + MAX_CUSTOM
                    + " HubSpot property names, comma-separated without spaces (for example budget_eur,trade_show_name)");
        }
        if (configured.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(CONTEXT_KEY + " must be at most " + MAX_LENGTH + " characters, was "
                    + configured.length());
        }
        String[] names = configured.split(",", -1);
        if (names.length > MAX_CUSTOM) {
            throw new IllegalArgumentException(CONTEXT_KEY + " may name at most " + MAX_CUSTOM + " properties, named "
                    + names.length);
        }
        var seen = new HashSet<String>();
        var custom = new ArrayList<String>(names.length);
        for (String name : names) {
            if (!NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(CONTEXT_KEY + " holds '" + printable(name) + "', which is not a HubSpot"
                        + " internal property name: a lower-case letter, then up to 99 of a-z, 0-9 and _,"
                        + " names separated by single commas without spaces");
            }
            if (STANDARD.contains(name)) {
                throw new IllegalArgumentException(CONTEXT_KEY + " names '" + name + "', a standard lead property"
                        + " that is always fetched and mapped; list only custom properties");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException(CONTEXT_KEY + " names '" + name + "' twice");
            }
            custom.add(name);
        }
        return List.copyOf(custom);
    }

    /** The {@code properties} query value: the standard names, then {@code custom}, comma-separated. */
    static String queryValue(List<String> custom) {
        var all = new ArrayList<String>(STANDARD.size() + custom.size());
        all.addAll(STANDARD);
        all.addAll(custom);
        return String.join(",", all);
    }

    /**
     * The fetch's query, in order: {@code properties} (see {@link #queryValue}), the associations to
     * contacts and companies, and {@code archived=false} (a lead in the recycling bin is not found).
     * Every value is already a valid query value: names are {@code [a-z0-9_]} and commas.
     */
    static Map<String, Object> fetchQuery(List<String> custom) {
        var query = new LinkedHashMap<String, Object>();
        query.put("properties", queryValue(custom));
        query.put("associations", "contacts,companies");
        query.put("archived", "false");
        return query;
    }

    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
