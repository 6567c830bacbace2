package dev.unifiedcrm.api.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes instants exactly as {@link DateTimeFormatter#ISO_INSTANT} does ({@code 2026-11-29T10:15:30.123Z}:
 * UTC, the fraction in groups of three digits, none when it is zero) at a fraction of its cost: the
 * date and time of day are formatted once per second and kept, so most instants cost only their
 * fraction's digits.
 */
final class IsoInstants {

    /** The text of one second, without its {@code Z}: {@code 2026-11-29T10:15:30}. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second lastSecond = new Second(0, "1970-01-01T00:00:00");

    private IsoInstants() {
    }

    static void append(StringBuilder target, Instant instant) {
        long epochSecond = instant.getEpochSecond();
        Second second = lastSecond;
        if (second.epochSecond() != epochSecond) {
            String whole = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond));
            second = new Second(epochSecond, whole.substring(0, whole.length() - 1));
            lastSecond = second;
        }
        target.append(second.text());
        int nano = instant.getNano();
        if (nano != 0) {
            target.append('.');
            if (nano % 1_000_000 == 0) {
                appendDigits(target, nano / 1_000_000, 3);
            } else if (nano % 1_000 == 0) {
                appendDigits(target, nano / 1_000, 6);
            } else {
                appendDigits(target, nano, 9);
            }
        }
        target.append('Z');
    }

    private static void appendDigits(StringBuilder target, int value, int digits) {
        for (int power = pow10(digits - 1); power > 0; power /= 10) {
            target.append((char) ('0' + value / power % 10));
        }
    }

    private static int pow10(int exponent) {
        int power = 1;
        for (int i = 0; i < exponent; i++) {
            power *= 10;
        }
        return power;
    }
}
