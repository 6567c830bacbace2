package dev.unifiedcrm.adapters.zohocrm;

import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Feign interface puts on the wire, captured before any network (no HTTP client involved). */
class ZohoCrmClientTest {

    private static final URI ROOT = URI.create("https://www.zohoapis.eu/crm/v8");
    private static final Request.Options OPTIONS = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

    private final List<Request> sent = new ArrayList<>();
    private final ZohoCrmClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .client((request, options) -> {
                sent.add(request);
                return Response.builder().status(200).request(request).headers(Map.of())
                        .body("{}", StandardCharsets.UTF_8).build();
            })
            .target(Target.EmptyTarget.create(ZohoCrmClient.class));

    private static Map<String, Object> headers() {
        var headers = new LinkedHashMap<String, Object>();
        headers.put("Authorization", "Zoho-oauthtoken 1000.abc");
        headers.put("Accept", "application/json");
        return headers;
    }

    @Test
    void deleteSendsTheIdBelowTheRootWithTheEncodedQuery() {
        client.deleteLead(ROOT, "7328395000000691001", headers(), Map.of("x%5Ba%5D", "%7Bb%7D"), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.DELETE);
        assertThat(request.url()).isEqualTo("https://www.zohoapis.eu/crm/v8/Leads/7328395000000691001?x%5Ba%5D=%7Bb%7D");
        assertThat(request.headers().get("Authorization")).containsExactly("Zoho-oauthtoken 1000.abc");
        assertThat(request.headers().get("Accept")).containsExactly("application/json");
        assertThat(request.body()).isNull();
    }

    @Test
    void fetchSendsAGetAndKeepsAnEncodedSlashEncoded() {
        client.getLead(ROOT, "7328%2F1", headers(), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.GET);
        assertThat(request.url()).isEqualTo("https://www.zohoapis.eu/crm/v8/Leads/7328%2F1");
    }
}
