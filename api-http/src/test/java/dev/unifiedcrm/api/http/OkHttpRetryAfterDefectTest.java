package dev.unifiedcrm.api.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two defects the property tests found in the OkHttp-based adapters, now fixed once for all of
 * them in the provider kit's client set-up: OkHttp's follow-up step reads a 503's {@code Retry-After} on its own, even with
 * {@code retryOnConnectionFailure(false)}. On {@code 0} it resent the request at once (the contract:
 * the HTTP client never retries on its own); past {@code Integer.MAX_VALUE} it threw
 * {@code NumberFormatException} (a 500). Through the whole service: 502, and only the service's own
 * three attempts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OkHttpRetryAfterDefectTest {

    private static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    private static final String LEAD_PATH = "/insightly/v3.1/Leads/42";

    private WireMockServer providers;
    private RunningServiceFixture service;

    @BeforeAll
    void start() throws IOException {
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        service = new RunningServiceFixture("""
                {"api_tokens": ["t"], "accounts": [{"id": "%s", "integration": "insightly",
                  "base_url": "http://127.0.0.1:%d/insightly/v3.1", "credentials": {"api_key": "k"},
                  "rate_limit": {"requests_per_second": 0}}]}
                """.formatted(INSIGHTLY, providers.port()), Map.of());
    }

    @AfterAll
    void stop() {
        service.close();
        providers.stop();
    }

    @Test
    void a503WithAHugeRetryAfterIsABadGatewayNotADefect() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "99999999999")));

        HttpResponse<String> response = service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, "t");

        assertThat(response.statusCode()).isEqualTo(502);
    }

    @Test
    void a503WithRetryAfterZeroIsRetriedByTheServiceOnlyThreeTimesInAll() {
        providers.resetRequests();
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "0")));

        HttpResponse<String> response = service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, "t");

        assertThat(response.statusCode()).isEqualTo(502);
        providers.verify(exactly(3), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }
}
