package dev.unifiedcrm.adapters.salesforce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class SalesforceLimitInfoTest {

    @Test
    void theAnswerCarriesTheFiguresAsItsRateLimitAndKeepsItsHeadersAsTheyCame() {
        var answer = Answers.json(400, "[{\"errorCode\":\"ENTITY_IS_LOCKED\",\"message\":\"locked\"}]",
                "Sforce-Limit-Info", "api-usage=18/15000", "Date", "Mon, 07 Dec 2026 00:00:00 GMT");

        var read = SalesforceLimitInfo.read(answer);

        assertThat(read.rateLimit()).containsExactly(entry("ratelimit-limit", "15000"), entry("ratelimit-remaining", "14982"));
        assertThat(read.headers()).isEqualTo(answer.headers());
        assertThat(read.status()).isEqualTo(400);
        assertThat(read.body()).isEqualTo(answer.body());
        assertThat(read.parsedBody()).isEqualTo(answer.parsedBody());
        assertThat(read.contentType()).isEqualTo(answer.contentType());
    }

    @Test
    void aMalformedHeaderOrNoneGivesNoRateLimit() {
        assertThat(SalesforceLimitInfo.read(Answers.empty(204, "Sforce-Limit-Info", "api-usage=lots")).rateLimit()).isEmpty();
        assertThat(SalesforceLimitInfo.read(Answers.empty(204, "X-Other", "1")).rateLimit()).isEmpty();
    }

    @Test
    void apiUsageGivesTheLimitAndWhatRemains() {
        var headers = SalesforceLimitInfo.rateLimitHeaders(Answers.empty(204, "Sforce-Limit-Info", "api-usage=18/15000"));

        assertThat(headers).containsExactly(entry("ratelimit-limit", "15000"), entry("ratelimit-remaining", "14982"));
    }

    @Test
    void onErrorAnswersToo() {
        var answer = Answers.json(404, "[{\"errorCode\":\"NOT_FOUND\",\"message\":\"x\"}]",
                "sforce-limit-info", "api-usage=1/100");

        assertThat(SalesforceLimitInfo.rateLimitHeaders(answer))
                .containsExactly(entry("ratelimit-limit", "100"), entry("ratelimit-remaining", "99"));
    }

    @Test
    void otherItemsAreSkippedAndOnlyTheItemNamedExactlyApiUsageCounts() {
        var answer = Answers.empty(204, "Sforce-Limit-Info",
                "per-app-api-usage=3/500(appName=sample), api-usage=25/83000, api-bursts=2/10");

        assertThat(SalesforceLimitInfo.rateLimitHeaders(answer))
                .containsExactly(entry("ratelimit-limit", "83000"), entry("ratelimit-remaining", "82975"));
    }

    @Test
    void usageOverTheLimitLeavesNothingRemaining() {
        var answer = Answers.json(403, "[{\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\",\"message\":\"x\"}]",
                "Sforce-Limit-Info", "api-usage=15007/15000");

        assertThat(SalesforceLimitInfo.rateLimitHeaders(answer)).containsEntry("ratelimit-remaining", "0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "api-usage", "api-usage=", "api-usage=12", "api-usage=a/b", "api-usage=-1/10",
            "api-usage=1/10/20", "api-usage=1.5/10", "per-app-api-usage=3/500(appName=x)", "my-api-usage=1/10",
            "api-usage=1/10, api-usage=2/10", "api-usage=1/1234567890123456789"})
    void valuesThatDoNotMapCleanlyAreLeftOut(String value) {
        assertThat(SalesforceLimitInfo.rateLimitHeaders(Answers.empty(204, "Sforce-Limit-Info", value))).isEmpty();
    }

    @Test
    void noHeaderNoRateLimit() {
        assertThat(SalesforceLimitInfo.rateLimitHeaders(Answers.empty(204))).isEmpty();
    }

    @Test
    void theItemMaySitInASecondHeaderLine() {
        var answer = new dev.unifiedcrm.domain.ProviderAnswer(204,
                Map.of("Sforce-Limit-Info", List.of("api-bursts=1/10", "api-usage=5/10")), null, new byte[0],
                dev.unifiedcrm.domain.RemoteBody.empty());

        assertThat(SalesforceLimitInfo.rateLimitHeaders(answer))
                .containsExactly(entry("ratelimit-limit", "10"), entry("ratelimit-remaining", "5"));
    }
}
