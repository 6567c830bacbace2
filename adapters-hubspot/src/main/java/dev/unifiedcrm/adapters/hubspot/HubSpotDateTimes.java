package dev.unifiedcrm.adapters.hubspot;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * HubSpot's date-times: {@code createdAt}/{@code updatedAt} are ISO-8601 UTC with milliseconds, and
 * a date-time property is ISO-8601 text or epoch milliseconds as digits ({@code "1772871000000"}).
 * Both become UTC instants with their fraction kept; offsets may be written with or without a colon.
 */
final class HubSpotDateTimes {

    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?[0-9]{1,18}");
    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter()
            // As strict as the ISO formatters: 30 February is no date, not 28 February.
            .withResolverStyle(ResolverStyle.STRICT);

    private HubSpotDateTimes() {
    }

    /** The instant, or null when {@code value} is null, empty or neither form. */
    static Instant parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            if (EPOCH_MILLIS.matcher(value).matches()) {
                return Instant.ofEpochMilli(Long.parseLong(value));
            }
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException | ArithmeticException isoWithColonFailed) {
            try {
                return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toInstant();
            } catch (DateTimeException neither) {
                return null;
            }
        }
    }
}
