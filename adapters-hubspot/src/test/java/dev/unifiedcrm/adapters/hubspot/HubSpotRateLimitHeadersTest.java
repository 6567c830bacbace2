package dev.unifiedcrm.adapters.hubspot;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class HubSpotRateLimitHeadersTest {

    @Test
    void theTenSecondWindowMapsOntoLimitAndRemaining() {
        var headers = HubSpotRateLimitHeaders.from(Answers.empty(204,
                "X-HubSpot-RateLimit-Max", "100", "X-HubSpot-RateLimit-Remaining", "97",
                "X-HubSpot-RateLimit-Interval-Milliseconds", "10000",
                "X-HubSpot-RateLimit-Daily", "250000", "X-HubSpot-RateLimit-Daily-Remaining", "249990",
                "X-HubSpot-RateLimit-Secondly", "10", "X-HubSpot-RateLimit-Secondly-Remaining", "9"));

        assertThat(headers).containsExactly(entry("ratelimit-limit", "100"), entry("ratelimit-remaining", "97"));
    }

    @Test
    void namesAreReadInAnyCase() {
        assertThat(HubSpotRateLimitHeaders.from(Answers.empty(204,
                "x-hubspot-ratelimit-max", "190", "X-HUBSPOT-RATELIMIT-REMAINING", "0")))
                .containsExactly(entry("ratelimit-limit", "190"), entry("ratelimit-remaining", "0"));
    }

    @Test
    void valuesThatAreNotWholeNumbersAreLeftOut() {
        assertThat(HubSpotRateLimitHeaders.from(Answers.empty(204,
                "X-HubSpot-RateLimit-Max", "100.5", "X-HubSpot-RateLimit-Remaining", "-1")))
                .isEmpty();
        assertThat(HubSpotRateLimitHeaders.from(Answers.empty(204,
                "X-HubSpot-RateLimit-Max", " 100 ", "X-HubSpot-RateLimit-Remaining", "many")))
                .containsExactly(entry("ratelimit-limit", "100"));
    }

    @Test
    void noHubSpotHeadersMapToNothing() {
        assertThat(HubSpotRateLimitHeaders.from(Answers.empty(204, "X-RateLimit-Limit", "5"))).isEmpty();
    }
}
