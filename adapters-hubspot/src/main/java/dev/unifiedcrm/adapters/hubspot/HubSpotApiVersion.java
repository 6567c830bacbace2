package dev.unifiedcrm.adapters.hubspot;

import java.util.regex.Pattern;

/**
 * The account's HubSpot date version ({@code context.api_version}): the version segment of the lead
 * path and of the token endpoint. HubSpot ships one each March and September and never changes
 * one; {@value #DEFAULT} is the first, and the numbered {@code v1}–{@code v4} paths go away in 2027.
 */
final class HubSpotApiVersion {

    static final String CONTEXT_KEY = "api_version";
    static final String DEFAULT = "2026-03";

    private static final Pattern DATE_VERSION = Pattern.compile("20[2-9][0-9]-(03|09)");

    private HubSpotApiVersion() {
    }

    /**
     * The version to use: {@value #DEFAULT} when the account names none.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    static String of(String configured) {
        if (configured == null) {
            return DEFAULT;
        }
        // Same width and digits, so text order is date order.
        if (!DATE_VERSION.matcher(configured).matches() || configured.compareTo(DEFAULT) < 0) {
            throw new IllegalArgumentException(CONTEXT_KEY + " must be a HubSpot date version YYYY-03 or YYYY-09,"
                    + " " + DEFAULT + " or later (for example " + DEFAULT + " or 2026-09)");
        }
        return configured;
    }
}
