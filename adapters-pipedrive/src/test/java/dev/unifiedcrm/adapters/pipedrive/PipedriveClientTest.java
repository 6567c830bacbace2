package dev.unifiedcrm.adapters.pipedrive;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Feign interface puts on the wire: method, path, query and headers, as Pipedrive expects them. */
class PipedriveClientTest {

    @RegisterExtension
    static WireMockExtension pipedrive = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final PipedriveClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .target(Target.EmptyTarget.create(PipedriveClient.class));
    private final Request.Options options = new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);

    @Test
    void deleteGoesToTheV1LeadPathWithTheTokenInAHeaderNeverInTheQuery() {
        pipedrive.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withBody("{\"success\":true,\"data\":{\"id\":\"adf21080-0e10-11eb-879b-05d71fb426ec\"}}")));

        try (Response response = client.deleteLead(root(), "adf21080-0e10-11eb-879b-05d71fb426ec",
                Map.of("x-api-token", "pd-test-token", "Accept", "application/json"), Map.of(), options)) {
            assertThat(response.status()).isEqualTo(200);
        }

        pipedrive.verify(1, deleteRequestedFor(urlEqualTo("/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec"))
                .withHeader("x-api-token", equalTo("pd-test-token"))
                .withHeader("Authorization", absent())
                .withQueryParam("api_token", absent())
                .withHeader("Accept", equalTo("application/json")));
    }

    @Test
    void deleteAppendsThePassThroughQueryAsEncoded() {
        pipedrive.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));
        var query = new LinkedHashMap<String, Object>();
        query.put("a%7Bb", "c%2Fd");

        client.deleteLead(root(), "x", Map.of("Authorization", "Bearer v1u:abc"), query, options).close();

        pipedrive.verify(deleteRequestedFor(urlEqualTo("/api/v1/leads/x?a%7Bb=c%2Fd"))
                .withHeader("Authorization", equalTo("Bearer v1u:abc"))
                .withHeader("x-api-token", absent()));
    }

    @Test
    void fetchIsAPlainGetOfTheLead() {
        pipedrive.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{\"success\":true}")));

        client.getLead(root(), "adf21080-0e10-11eb-879b-05d71fb426ec",
                Map.of("Authorization", "Bearer v1u:abc", "Accept", "application/json"), options).close();

        pipedrive.verify(1, getRequestedFor(urlEqualTo("/api/v1/leads/adf21080-0e10-11eb-879b-05d71fb426ec"))
                .withHeader("Authorization", equalTo("Bearer v1u:abc")));
    }

    private URI root() {
        return URI.create(pipedrive.baseUrl() + "/api/v1");
    }
}
