package dev.unifiedcrm.adapters.pipedrive;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;

/**
 * Pipedrive's lead date-times: ISO-8601 UTC ({@code 2026-03-05T10:45:21.004Z}), offsets with or
 * without a colon, and the older v1 style {@code 2026-03-05 10:45:21} (UTC). All become UTC instants
 * with their fraction kept.
 */
final class PipedriveDateTimes {

    private static final DateTimeFormatter OFFSET_WITHOUT_COLON = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendOffset("+HHMM", "Z")
            .toFormatter()
            // As strict as the ISO formatters: 30 February is no date, not 28 February.
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SPACED_UTC = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .toFormatter()
            // As strict as the ISO formatters: 30 February is no date, not 28 February.
            .withResolverStyle(ResolverStyle.STRICT);

    private PipedriveDateTimes() {
    }

    /** The instant, or null when {@code value} is null, empty or in none of these forms. */
    static Instant parse(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeException notIsoWithColon) {
            try {
                return OffsetDateTime.parse(value, OFFSET_WITHOUT_COLON).toInstant();
            } catch (DateTimeException notIsoWithoutColon) {
                try {
                    return LocalDateTime.parse(value, SPACED_UTC).toInstant(ZoneOffset.UTC);
                } catch (DateTimeException none) {
                    return null;
                }
            }
        }
    }
}
