package dev.unifiedcrm.application;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutsTest {

    private static final Timeouts ATTEMPT_2S = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    @ParameterizedTest(name = "{0} ms left: wait at most {1} ms")
    @CsvSource({
            "30000, 28000",   // one whole exchange is kept
            "4000, 2000",     // one exchange and half the time left are the same
            "3000, 1500",     // less than two exchanges left: half is kept
            "1, 0.5",
            "0, 0"})
    void aWaitForATurnLeavesOneExchangeOrHalfTheTimeLeft(long leftMillis, double longestWaitMillis) {
        assertThat(ATTEMPT_2S.longestPacingWait(Duration.ofMillis(leftMillis)))
                .isEqualTo(Duration.ofNanos(Math.round(longestWaitMillis * 1_000_000)));
    }
}
