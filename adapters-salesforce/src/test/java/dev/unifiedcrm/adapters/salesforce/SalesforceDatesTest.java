package dev.unifiedcrm.adapters.salesforce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesforceDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T10:45:21.000+0000, 2024-03-05T10:45:21Z",
            "2024-03-05T10:45:21.123+0000, 2024-03-05T10:45:21.123Z",
            "2024-03-05T10:45:21+0000,     2024-03-05T10:45:21Z",
            "2024-03-05T12:45:21.5+0200,   2024-03-05T10:45:21.500Z",
            "2024-03-05T05:15:21.000-0530, 2024-03-05T10:45:21Z",
            "2024-03-05T12:45:21.000+02:00, 2024-03-05T10:45:21Z",
            "2024-03-05T10:45:21.123456789Z, 2024-03-05T10:45:21.123456789Z",
            "2024-03-05T10:45:21Z,          2024-03-05T10:45:21Z"})
    void dateTimesWithEveryAcceptedOffsetBecomeExactInstants(String text, String instant) {
        assertThat(SalesforceDates.dateTime(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05T10:45:21.000", "2024-03-05 10:45:21.000+0000", "2024-03-05T10:45:21.000+00",
            "2024-03-05T10:45:21.000z", "2024-02-30T10:45:21.000+0000", "2024-03-05T24:00:00Z",
            "2024-03-05T10:45:21.0000000000Z", "2024-03-05", "yesterday", "2024-03-05T10:45:21.000+0000 "})
    void otherDateTimesAreRefused(String text) {
        assertThatThrownBy(() -> SalesforceDates.dateTime(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void aDateIsMidnightUtc() {
        assertThat(SalesforceDates.date("2024-03-08")).isEqualTo(Instant.parse("2024-03-08T00:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-3-8", "2024-03-08T00:00:00Z", "08.03.2024", "2024-02-30"})
    void otherDatesAreRefused(String text) {
        assertThatThrownBy(() -> SalesforceDates.date(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void nullAndEmptyAreAbsent() {
        assertThat(SalesforceDates.dateTime(null)).isNull();
        assertThat(SalesforceDates.dateTime("")).isNull();
        assertThat(SalesforceDates.date(null)).isNull();
        assertThat(SalesforceDates.date("")).isNull();
    }
}
