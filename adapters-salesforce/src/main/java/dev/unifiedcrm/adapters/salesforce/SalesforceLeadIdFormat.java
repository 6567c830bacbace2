package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.LeadIdFormat;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Salesforce Lead id: the Lead key prefix {@code 00Q} followed by 12 or 15 ASCII letters or
 * digits (the 15-character id, or the 18-character one whose last three characters are a case
 * checksum).
 *
 * <p>The canonical form is the id exactly as given. The 15-character form is case-sensitive, so
 * the case is never changed; nor is a 15-character id extended to 18, nor the checksum checked
 * (Salesforce judges it). The strict prefix matters: any other path segment makes Salesforce look
 * the value up as an external-id field instead of answering "no such lead".
 */
final class SalesforceLeadIdFormat implements LeadIdFormat {

    static final String DESCRIPTION = "a Salesforce Lead id: 00Q followed by 12 or 15 letters or digits";

    private static final Pattern LEAD_ID = Pattern.compile("00Q[0-9A-Za-z]{12}([0-9A-Za-z]{3})?");

    /** The id as it must be sent, or empty when {@code decodedId} is not exactly a Lead id. */
    @Override
    public Optional<String> canonical(String decodedId) {
        return decodedId != null && LEAD_ID.matcher(decodedId).matches() ? Optional.of(decodedId) : Optional.empty();
    }

    /** What a Lead id looks like, for the error message of an id in another shape. */
    @Override
    public String description() {
        return DESCRIPTION;
    }

    @Override
    public String toString() {
        return "Salesforce Lead id";
    }
}
