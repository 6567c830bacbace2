package dev.unifiedcrm.adapters.zohocrm;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmTokenBudgetTest {

    private Instant now = Instant.parse("2026-12-06T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void tenTokenRequestsPerRollingTenMinutesThenTheWaitUntilTheOldestLeaves() {
        var budget = new ZohoCrmTokenBudget(clock);
        for (int minute = 0; minute < 10; minute++) {
            assertThat(budget.take()).as("request %d", minute + 1).isEmpty();
            now = now.plus(Duration.ofSeconds(30));
        }
        // Ten sent from 10:00:00 to 10:04:30; it is 10:05:00 now.
        assertThat(budget.take()).isEqualTo(OptionalLong.of(300));
        assertThat(budget.take()).as("a refusal is not counted").isEqualTo(OptionalLong.of(300));

        now = Instant.parse("2026-12-06T10:09:59.500Z");
        assertThat(budget.take()).as("half a second left rounds up").isEqualTo(OptionalLong.of(1));

        now = Instant.parse("2026-12-06T10:10:00Z");
        assertThat(budget.take()).isEmpty();
        assertThat(budget.take()).as("the 10:00:30 one is still in the window").isEqualTo(OptionalLong.of(30));
    }

    @Test
    void budgetsAreIndependent() {
        var first = new ZohoCrmTokenBudget(clock);
        var second = new ZohoCrmTokenBudget(clock);
        for (int i = 0; i < 10; i++) {
            first.take();
        }

        assertThat(first.take()).isPresent();
        assertThat(second.take()).isEmpty();
    }
}
