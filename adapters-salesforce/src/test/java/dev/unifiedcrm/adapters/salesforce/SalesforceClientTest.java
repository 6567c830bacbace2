package dev.unifiedcrm.adapters.salesforce;

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
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

/** What the Feign interface puts on the wire: method, path below the account's root, query, headers. */
class SalesforceClientTest {

    @RegisterExtension
    static final WireMockExtension SALESFORCE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final SalesforceClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .target(Target.EmptyTarget.create(SalesforceClient.class));

    private final Request.Options options = new Request.Options(2, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);

    @Test
    void deleteGoesToTheLeadSObjectBelowTheVersionedRoot() {
        SALESFORCE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("a", List.of("1", "2"));
        query.put("b%7Bc%7D", List.of("x%2Fy"));

        try (Response response = client.deleteLead(root(), "00QHs00000Lk3pR", headers(), query, options)) {
            assertThat(response.status()).isEqualTo(204);
        }

        SALESFORCE.verify(1, deleteRequestedFor(urlEqualTo("/services/data/v64.0/sobjects/Lead/00QHs00000Lk3pR?a=1&a=2&b%7Bc%7D=x%2Fy"))
                .withHeader("Authorization", equalTo("Bearer 00Dxx!token"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("unified-crm/test"))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void fetchAsksForTheWholeLeadWithoutAFieldList() {
        SALESFORCE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        try (Response response = client.getLead(root(), "00QHs00000Lk3pRMAR", headers(), options)) {
            assertThat(response.status()).isEqualTo(200);
        }

        SALESFORCE.verify(1, getRequestedFor(urlEqualTo("/services/data/v64.0/sobjects/Lead/00QHs00000Lk3pRMAR"))
                .withHeader("Authorization", equalTo("Bearer 00Dxx!token"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("unified-crm/test")));
    }

    @Test
    void anEncodedSlashInTheIdStaysEncoded() {
        SALESFORCE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));

        client.getLead(root(), "a%2F..", headers(), options).close();

        SALESFORCE.verify(1, getRequestedFor(urlEqualTo("/services/data/v64.0/sobjects/Lead/a%2F..")));
    }

    private URI root() {
        return URI.create(SALESFORCE.baseUrl() + "/services/data/v64.0");
    }

    private static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer 00Dxx!token");
        headers.put("Accept", "application/json");
        headers.put("User-Agent", "unified-crm/test");
        return headers;
    }
}
