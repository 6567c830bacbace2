package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.LeadIdFormat;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Dataverse {@code leadid}: a GUID {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} of hex digits in
 * any case, without braces or quotes. The canonical form is lower case, as it goes unquoted into
 * the key {@code leads(...)}; the unified id is that form. A malformed key must never reach
 * Dataverse: it answers 400 (a query syntax error), not 404.
 */
final class Dynamics365SalesLeadIdFormat implements LeadIdFormat {

    static final String DESCRIPTION = "a Dynamics 365 lead id: a UUID";

    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** The id as it must be sent (lower case), or empty when {@code decodedId} is not exactly a GUID. */
    @Override
    public Optional<String> canonical(String decodedId) {
        return decodedId != null && GUID.matcher(decodedId).matches()
                ? Optional.of(decodedId.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    /** What a lead id looks like, for the error message of an id in another shape. */
    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public String toString() {
        return "Dynamics 365 lead id (UUID)";
    }
}
