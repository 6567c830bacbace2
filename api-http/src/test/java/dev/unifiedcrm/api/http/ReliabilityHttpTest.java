package dev.unifiedcrm.api.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Reliability through the HTTP service: Idempotency-Key in and out, retries, settling, local pacing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReliabilityHttpTest {

    private static final String TOKEN = "reliability-token";
    private static final String OTHER_TOKEN = "reliability-other-token";
    private static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    private static final String PACED = "6e1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b";
    private static final String LEAD_PATH = "/insightly/v3.1/Leads/42";

    private WireMockServer providers;
    private RunningServiceFixture service;

    @BeforeAll
    void start() throws IOException {
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        String root = "http://127.0.0.1:" + providers.port();
        service = new RunningServiceFixture("""
                {
                  "api_tokens": ["%s", "%s"],
                  "timeouts": {"connect_ms": 1000, "attempt_ms": 2000, "request_ms": 6000},
                  "accounts": [
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "k1"}, "rate_limit": {"requests_per_second": 0}},
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "k2"}, "rate_limit": {"requests_per_second": 0.1}}
                  ]
                }
                """.formatted(TOKEN, OTHER_TOKEN, INSIGHTLY, root, PACED, root), Map.of());
    }

    @AfterAll
    void stop() {
        service.close();
        providers.stop();
    }

    @BeforeEach
    void reset() {
        providers.resetAll();
    }

    @Test
    void aRepeatedIdempotencyKeyIsReplayedWithItsOwnRequestIdAndNoProviderCall() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "998")));

        HttpResponse<String> first = keyed(TOKEN, "42", "replay-key", "first-request");
        HttpResponse<String> repeat = keyed(TOKEN, "42", "replay-key", "second-request");

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("idempotent-replayed")).isEmpty();
        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.headers().firstValue("idempotent-replayed")).contains("true");
        assertThat(repeat.headers().firstValue("x-request-id")).contains("second-request");
        assertThat(repeat.headers().firstValue("x-delete-outcome")).contains("deleted");
        assertThat(repeat.headers().firstValue("ratelimit-remaining")).contains("998");
        assertThat(repeat.headers().firstValue("content-type")).contains("application/json");
        providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void keysBelongToTheTokenThatSentThem() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)));

        keyed(TOKEN, "42", "shared-key", "a");
        HttpResponse<String> other = keyed(OTHER_TOKEN, "42", "shared-key", "b");

        assertThat(other.headers().firstValue("idempotent-replayed")).isEmpty();
        providers.verify(exactly(2), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aKeyReusedForAnotherLeadIs422AndAMalformedKeyIs400() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)));
        keyed(TOKEN, "42", "used-key", "a");

        HttpResponse<String> reused = keyed(TOKEN, "43", "used-key", "b");
        HttpResponse<String> malformed = keyed(TOKEN, "42", "k".repeat(256), "c");

        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("\"error\":\"Unprocessable Content\"", "Idempotency-Key");
        assertThat(malformed.statusCode()).isEqualTo(400);
        providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void a503IsTriedThreeTimesThenA502WithTheRemoteStatus() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(503)));

        HttpResponse<String> response = service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, TOKEN);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.body()).contains("\"remote_status_code\":503");
        providers.verify(exactly(3), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void anUnansweredAttemptThenA404SettlesAsAlreadyDeleted() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).inScenario("settle").whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("timed out").willReturn(aResponse().withStatus(202).withFixedDelay(2500)));
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).inScenario("settle").whenScenarioStateIs("timed out")
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json").withBody("{\"Message\":\"gone\"}")));

        HttpResponse<String> response = service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"42\"}");
        assertThat(response.headers().firstValue("x-delete-outcome")).contains("already_deleted");
        providers.verify(exactly(2), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    @Test
    void aPacedAccountAnswersA429WithRetryAfterWithoutCallingTheProvider() {
        providers.stubFor(delete(urlPathEqualTo(LEAD_PATH)).willReturn(aResponse().withStatus(202)));

        HttpResponse<String> first = service.delete("/unified/crm/leads/42?integrated_account_id=" + PACED, TOKEN);
        HttpResponse<String> second = service.delete("/unified/crm/leads/42?integrated_account_id=" + PACED, TOKEN);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(second.headers().firstValue("retry-after").orElseThrow())).isBetween(1, 10);
        assertThat(second.body()).doesNotContain("truto_is_remote_error");
        providers.verify(exactly(1), deleteRequestedFor(urlPathEqualTo(LEAD_PATH)));
    }

    private HttpResponse<String> keyed(String token, String leadId, String key, String requestId) {
        return service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/" + leadId + "?integrated_account_id=" + INSIGHTLY))
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", key).header("x-request-id", requestId)
                .DELETE());
    }
}
