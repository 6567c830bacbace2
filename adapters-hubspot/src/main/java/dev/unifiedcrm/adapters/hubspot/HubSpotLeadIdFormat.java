package dev.unifiedcrm.adapters.hubspot;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * HubSpot's record ids: numeric strings ({@code hs_object_id}) that pass 2^53, so they stay text end
 * to end. Checked exactly before any call: a non-numeric id would reach HubSpot as a 404, and
 * {@code Long.parseLong} would let {@code +5}, {@code 007} and non-ASCII digits through.
 */
final class HubSpotLeadIdFormat {

    static final String DESCRIPTION = "a positive whole number of ASCII digits 0-9 without sign or leading zero,"
            + " at most 9223372036854775807 (for example 38475629104)";

    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private HubSpotLeadIdFormat() {
    }

    /** The id as it is sent (unchanged), or empty when {@code decodedId} is not a HubSpot lead id. */
    static Optional<String> canonical(String decodedId) {
        if (decodedId == null || !DIGITS.matcher(decodedId).matches()) {
            return Optional.empty();
        }
        return new BigInteger(decodedId).compareTo(MAX) <= 0 ? Optional.of(decodedId) : Optional.empty();
    }
}
