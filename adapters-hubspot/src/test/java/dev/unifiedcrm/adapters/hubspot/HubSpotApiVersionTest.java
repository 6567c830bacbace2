package dev.unifiedcrm.adapters.hubspot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HubSpotApiVersionTest {

    @Test
    void withoutAVersionTheFirstDateVersionIsUsed() {
        assertThat(HubSpotApiVersion.of(null)).isEqualTo("2026-03");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03", "2026-09", "2027-03", "2099-09"})
    void marchAndSeptemberVersionsFrom2026_03AreAccepted(String version) {
        assertThat(HubSpotApiVersion.of(version)).isEqualTo(version);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v3", "2025-09", "2026-04", "2026-3", "", "2026-03 ", "1999-03", "2026-09-01"})
    void anythingElseIsRefusedSayingWhatIsAccepted(String version) {
        assertThatThrownBy(() -> HubSpotApiVersion.of(version))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("api_version must be a HubSpot date version YYYY-03 or YYYY-09, 2026-03 or later"
                        + " (for example 2026-03 or 2026-09)");
    }
}
