package dev.unifiedcrm.adapters.dynamics365sales;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Dataverse date-times. {@code createdon} and {@code modifiedon} come as
 * {@code 2024-03-05T10:45:21Z}, in UTC; accepted too are a fraction of up to nine digits (kept) and
 * any offset written {@code +hh:mm} or {@code +hhmm}. The instant is UTC.
 */
final class Dynamics365SalesDates {

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseStrict()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT)
            .withChronology(IsoChronology.INSTANCE);

    private Dynamics365SalesDates() {
    }

    /**
     * @return the instant, or null for null or an empty string
     * @throws java.time.DateTimeException when the text is not one of the accepted forms
     */
    static Instant dateTime(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return OffsetDateTime.parse(text, DATE_TIME).toInstant();
    }
}
