package dev.unifiedcrm.adapters.nutshell;

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
class NutshellClientTest {

    private static final URI ROOT = URI.create("https://app.nutshell.com/rest");
    private static final Request.Options OPTIONS = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

    private final List<Request> sent = new ArrayList<>();
    private final NutshellClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .client((request, options) -> {
                sent.add(request);
                return Response.builder().status(200).request(request).headers(Map.of())
                        .body("{}", StandardCharsets.UTF_8).build();
            })
            .target(Target.EmptyTarget.create(NutshellClient.class));

    private static Map<String, Object> headers() {
        var headers = new LinkedHashMap<String, Object>();
        headers.put("Authorization", "Basic b3BzQGFjbWUuZXhhbXBsZTprZXk=");
        headers.put("Accept", "application/json");
        return headers;
    }

    @Test
    void deleteSendsTheApiIdBelowTheRootWithTheEncodedQuery() {
        client.deleteLead(ROOT, "1003-leads", headers(), Map.of("x%5Ba%5D", "%7Bb%7D"), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.DELETE);
        assertThat(request.url()).isEqualTo("https://app.nutshell.com/rest/leads/1003-leads?x%5Ba%5D=%7Bb%7D");
        assertThat(request.headers().get("Authorization")).containsExactly("Basic b3BzQGFjbWUuZXhhbXBsZTprZXk=");
        assertThat(request.headers().get("Accept")).containsExactly("application/json");
        assertThat(request.body()).isNull();
    }

    @Test
    void fetchSendsAGetAndKeepsAnEncodedSlashEncoded() {
        client.getLead(ROOT, "1003%2Fleads", headers(), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.GET);
        assertThat(request.url()).isEqualTo("https://app.nutshell.com/rest/leads/1003%2Fleads");
    }
}
