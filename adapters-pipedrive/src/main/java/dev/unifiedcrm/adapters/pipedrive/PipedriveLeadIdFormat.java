package dev.unifiedcrm.adapters.pipedrive;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pipedrive's lead ids: UUIDs ({@code adf21080-0e10-11eb-879b-05d71fb426ec}). Hex digits of any
 * case are accepted and the id is sent lower-case, as Pipedrive writes them: whether it accepts
 * upper case is unknown, and lower-casing makes it moot. Checked with an exact pattern:
 * {@code UUID.fromString} would accept {@code 1-2-3-4-5}.
 */
final class PipedriveLeadIdFormat {

    static final String DESCRIPTION = "a UUID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx with hex digits"
            + " (for example adf21080-0e10-11eb-879b-05d71fb426ec)";

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PipedriveLeadIdFormat() {
    }

    /** The id as it is sent (lower-case), or empty when {@code decodedId} is not a UUID. */
    static Optional<String> canonical(String decodedId) {
        if (decodedId == null || !UUID_TEXT.matcher(decodedId).matches()) {
            return Optional.empty();
        }
        return Optional.of(decodedId.toLowerCase(Locale.ROOT));
    }
}
