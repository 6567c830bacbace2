package dev.unifiedcrm.adapters.dynamics365sales;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Dynamics365SalesDatesTest {

    @ParameterizedTest
    @CsvSource({
            "2024-03-05T10:45:21Z,            2024-03-05T10:45:21Z",
            "2024-03-05T10:45:21.1234567Z,    2024-03-05T10:45:21.1234567Z",
            "2024-03-05T12:45:21+02:00,       2024-03-05T10:45:21Z",
            "2024-03-05T12:45:21.5+0200,      2024-03-05T10:45:21.500Z",
            "2024-03-05T05:15:21-05:30,       2024-03-05T10:45:21Z"})
    void dateTimesWithAnyOffsetBecomeExactInstants(String text, String instant) {
        assertThat(Dynamics365SalesDates.dateTime(text)).isEqualTo(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-03-05", "2024-03-05T10:45:21", "2024-03-05 10:45:21Z", "2024-02-30T10:45:21Z",
            "2024-03-05T10:45:21+02", "05/03/2024 10:45"})
    void otherTextsAreRefused(String text) {
        assertThatThrownBy(() -> Dynamics365SalesDates.dateTime(text)).isInstanceOf(DateTimeException.class);
    }

    @Test
    void nullAndEmptyAreAbsent() {
        assertThat(Dynamics365SalesDates.dateTime(null)).isNull();
        assertThat(Dynamics365SalesDates.dateTime("")).isNull();
    }
}
