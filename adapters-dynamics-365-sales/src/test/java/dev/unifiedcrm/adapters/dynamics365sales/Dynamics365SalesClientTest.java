package dev.unifiedcrm.adapters.dynamics365sales;

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

/** What the Feign interface puts on the wire: method, OData key path, query, every header. */
class Dynamics365SalesClientTest {

    private static final String PREFER =
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\"";

    @RegisterExtension
    static final WireMockExtension DATAVERSE = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .failOnUnmatchedRequests(true)
            .build();

    private final Dynamics365SalesClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .target(Target.EmptyTarget.create(Dynamics365SalesClient.class));

    private final Request.Options options = new Request.Options(2, TimeUnit.SECONDS, 5, TimeUnit.SECONDS, false);

    @Test
    void deleteAddressesTheRowByItsUnquotedKeyWithTheODataHeaders() {
        DATAVERSE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("tag", List.of("a%20b"));

        try (Response response = client.deleteLead(root(), "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34", headers(), query,
                options)) {
            assertThat(response.status()).isEqualTo(204);
        }

        DATAVERSE.verify(1, deleteRequestedFor(urlEqualTo("/api/data/v9.2/leads(3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34)?tag=a%20b"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.token"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OData-MaxVersion", equalTo("4.0"))
                .withHeader("OData-Version", equalTo("4.0"))
                .withHeader("User-Agent", equalTo("unified-crm/test"))
                .withHeader("If-Match", absent())
                .withHeader("If-None-Match", absent())
                .withHeader("Prefer", absent())
                .withHeader("Content-Type", absent()));
    }

    @Test
    void fetchAsksForLabelsAndLookupTablesAndNoCachedCopy() {
        DATAVERSE.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));

        try (Response response = client.getLead(root(), "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34", headers(), options)) {
            assertThat(response.status()).isEqualTo(200);
        }

        DATAVERSE.verify(1, getRequestedFor(urlEqualTo("/api/data/v9.2/leads(3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34)"))
                .withHeader("Authorization", equalTo("Bearer eyJ0eXAi.token"))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("OData-MaxVersion", equalTo("4.0"))
                .withHeader("OData-Version", equalTo("4.0"))
                .withHeader("If-None-Match", equalTo("null"))
                .withHeader("Prefer", equalTo(PREFER))
                .withHeader("User-Agent", equalTo("unified-crm/test")));
    }

    private URI root() {
        return URI.create(DATAVERSE.baseUrl() + "/api/data/v9.2");
    }

    private static Map<String, Object> headers() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer eyJ0eXAi.token");
        headers.put("User-Agent", "unified-crm/test");
        return headers;
    }
}
