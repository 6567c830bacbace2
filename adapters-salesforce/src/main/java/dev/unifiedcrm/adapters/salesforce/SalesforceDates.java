package dev.unifiedcrm.adapters.salesforce;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;

/**
 * Salesforce's date formats. Date-times come as {@code 2024-03-05T10:45:21.000+0000}: an offset
 * without a colon, which {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME} refuses. Accepted: an
 * optional fraction of up to nine digits (kept), then {@code +hhmm}, {@code +hh:mm} or {@code Z}.
 * Date-only fields ({@code 2024-03-08}) become midnight UTC of that date.
 */
final class SalesforceDates {

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
            .withChronology(java.time.chrono.IsoChronology.INSTANCE);

    private SalesforceDates() {
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

    /**
     * @return midnight UTC of the date, or null for null or an empty string
     * @throws java.time.DateTimeException when the text is not {@code yyyy-MM-dd}
     */
    static Instant date(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
