package dev.unifiedcrm.api.http;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class IsoInstantsTest {

    @Test
    void theFractionIsWrittenInGroupsOfThreeDigitsAndLeftOutWhenZero() {
        assertThat(text(Instant.parse("2026-11-29T10:15:30Z"))).isEqualTo("2026-11-29T10:15:30Z");
        assertThat(text(Instant.parse("2026-11-29T10:15:30.100Z"))).isEqualTo("2026-11-29T10:15:30.100Z");
        assertThat(text(Instant.parse("2026-11-29T10:15:30.000001Z"))).isEqualTo("2026-11-29T10:15:30.000001Z");
        assertThat(text(Instant.parse("2026-11-29T10:15:30.000000007Z"))).isEqualTo("2026-11-29T10:15:30.000000007Z");
        assertThat(text(Instant.parse("2026-11-29T10:15:31.999Z"))).isEqualTo("2026-11-29T10:15:31.999Z");
        assertThat(text(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(text(Instant.parse("1969-12-31T23:59:59.5Z"))).isEqualTo("1969-12-31T23:59:59.500Z");
    }

    @Property(tries = 2000)
    void everyInstantIsWrittenAsIsoInstantWritesIt(@ForAll("instants") Instant instant) {
        assertThat(text(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Provide
    Arbitrary<Instant> instants() {
        // Near neighbours too, so the kept second is both reused and replaced.
        Arbitrary<Long> seconds = Arbitraries.oneOf(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L),
                Arbitraries.longs().between(1_796_000_000L, 1_796_000_003L));
        Arbitrary<Integer> nanos = Arbitraries.oneOf(Arbitraries.just(0), Arbitraries.integers().between(0, 999).map(ms -> ms * 1_000_000),
                Arbitraries.integers().between(0, 999_999).map(us -> us * 1_000), Arbitraries.integers().between(0, 999_999_999));
        return net.jqwik.api.Combinators.combine(seconds, nanos).as(Instant::ofEpochSecond);
    }

    private static String text(Instant instant) {
        var text = new StringBuilder();
        IsoInstants.append(text, instant);
        return text.toString();
    }
}
