package dev.unifiedcrm.adapters.hubspot;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Feign interface puts on the wire: method, path, query and headers, as HubSpot expects them. */
class HubSpotClientTest {

    @RegisterExtension
    static WireMockExtension hubspot = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final HubSpotClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .target(Target.EmptyTarget.create(HubSpotClient.class));
    private final Request.Options options = new Request.Options(10, TimeUnit.SECONDS, 30, TimeUnit.SECONDS, false);

    @Test
    void deleteGoesToTheDateVersionedLeadsPathWithTheBearerToken() {
        hubspot.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

        try (Response response = client.deleteLead(root(), "2026-03", "38475629104", headers(), Map.of(), options)) {
            assertThat(response.status()).isEqualTo(204);
        }

        hubspot.verify(1, deleteRequestedFor(urlEqualTo("/crm/objects/2026-03/leads/38475629104"))
                .withHeader("Authorization", equalTo("Bearer pat-na1-test"))
                .withHeader("Accept", equalTo("application/json")));
        assertThat(hubspot.getAllServeEvents()).hasSize(1);
    }

    @Test
    void deleteAppendsThePassThroughQueryAsEncoded() {
        hubspot.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        var query = new LinkedHashMap<String, Object>();
        query.put("a%7Bb", "c%2Fd");

        client.deleteLead(root(), "2026-09", "5", headers(), query, options).close();

        hubspot.verify(deleteRequestedFor(urlEqualTo("/crm/objects/2026-09/leads/5?a%7Bb=c%2Fd")));
    }

    @Test
    void fetchNamesThePropertiesAndAsksForContactAndCompanyAssociationsOfTheLiveLead() {
        hubspot.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        String properties = HubSpotProperties.queryValue(List.of("budget_eur", "trade_show_name"));

        client.getLead(root(), "2026-03", "38475629104",
                HubSpotProperties.fetchQuery(List.of("budget_eur", "trade_show_name")), headers(), options).close();

        // Feign writes the lists' commas as %2C, which HubSpot reads as the same comma-separated list.
        hubspot.verify(1, getRequestedFor(urlEqualTo("/crm/objects/2026-03/leads/38475629104?properties="
                + properties.replace(",", "%2C") + "&associations=contacts%2Ccompanies&archived=false"))
                .withQueryParam("properties", equalTo(properties))
                .withQueryParam("associations", equalTo("contacts,companies"))
                .withHeader("Authorization", equalTo("Bearer pat-na1-test")));
    }

    @Test
    void theRootsPathIsKept() {
        hubspot.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));

        client.deleteLead(URI.create(hubspot.baseUrl() + "/proxy"), "2026-03", "5", headers(), Map.of(), options).close();

        hubspot.verify(deleteRequestedFor(urlEqualTo("/proxy/crm/objects/2026-03/leads/5")));
    }

    private URI root() {
        return URI.create(hubspot.baseUrl());
    }

    private static Map<String, Object> headers() {
        return Map.of("Authorization", "Bearer pat-na1-test", "Accept", "application/json");
    }
}
