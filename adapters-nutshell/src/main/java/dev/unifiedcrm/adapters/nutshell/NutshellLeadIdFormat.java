package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.LeadIdFormat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Nutshell's lead id: the API id {@code <n>-leads}, or a bare {@code <n>} that becomes it. The
 * number is {@code [1-9][0-9]{0,18}} up to {@value Long#MAX_VALUE}. Nothing else passes: a comma
 * would address several records in one path segment, another type suffix ({@code 7-contacts})
 * another entity, and the lead number users see ({@code Lead-1045}) is not the id.
 *
 * <p>The canonical form, sent to Nutshell and shown as the unified {@code id}, is {@code <n>-leads}
 * (Nutshell takes plain integers only "where possible"); it is its own canonical form.
 */
final class NutshellLeadIdFormat implements LeadIdFormat {

    static final NutshellLeadIdFormat INSTANCE = new NutshellLeadIdFormat();

    static final String DESCRIPTION = "a Nutshell lead id: <n>-leads or a bare <n>, where <n> is a positive"
            + " whole number of ASCII digits without sign or leading zero, at most " + Long.MAX_VALUE
            + " (for example 1003-leads or 1003); lead numbers such as Lead-1045 are not ids";

    private static final String SUFFIX = "-leads";
    private static final Pattern ID = Pattern.compile("([1-9][0-9]{0,18})(-leads)?");
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private NutshellLeadIdFormat() {
    }

    /** The id as sent to Nutshell ({@code <n>-leads}), or empty when {@code decodedId} is not a lead id. */
    @Override
    public Optional<String> canonical(String decodedId) {
        if (decodedId == null) {
            return Optional.empty();
        }
        var match = ID.matcher(decodedId);
        if (!match.matches() || new BigInteger(match.group(1)).compareTo(MAX) > 0) {
            return Optional.empty();
        }
        return Optional.of(match.group(1) + SUFFIX);
    }

    @Override
    public String description() {
        return DESCRIPTION;
    }

    /**
     * Whether a lead's {@code id} as Nutshell returned it names the canonical id sent: the same
     * {@code <n>-leads} text, or the bare number {@code n} (a string or a JSON integer).
     */
    static boolean sameLead(Object returnedId, String canonicalSent) {
        String text = returnedId instanceof String string ? string
                : returnedId instanceof Number number && !(returnedId instanceof BigDecimal) ? number.toString()
                : null;
        if (text == null) {
            return false;
        }
        return text.equals(canonicalSent) || (text + SUFFIX).equals(canonicalSent);
    }

    @Override
    public String toString() {
        return "Nutshell lead id (<n>-leads)";
    }
}
