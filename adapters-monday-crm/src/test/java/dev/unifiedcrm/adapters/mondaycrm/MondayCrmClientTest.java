package dev.unifiedcrm.adapters.mondaycrm;

import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.Target;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Feign interface puts on the wire, captured before any network (no HTTP client involved). */
class MondayCrmClientTest {

    private static final URI ENDPOINT = URI.create("https://api.monday.com/v2");
    private static final Request.Options OPTIONS = new Request.Options(1, TimeUnit.SECONDS, 1, TimeUnit.SECONDS, false);

    private final List<Request> sent = new ArrayList<>();
    private final MondayCrmClient client = Feign.builder()
            .retryer(Retryer.NEVER_RETRY)
            .client((request, options) -> {
                sent.add(request);
                return Response.builder().status(200).request(request).headers(Map.of())
                        .body("{}", StandardCharsets.UTF_8).build();
            })
            .target(Target.EmptyTarget.create(MondayCrmClient.class));
    private final MondayCrmDocuments documents = new MondayCrmDocuments(MondayCrmAnswers.JSON);

    private static Map<String, Object> headers() {
        var headers = new LinkedHashMap<String, Object>();
        headers.put("Authorization", "eyJhbGciOi.token");
        headers.put("API-Version", "2026-10");
        headers.put("Content-Type", "application/json");
        headers.put("Accept", "application/json");
        return headers;
    }

    @Test
    void theQueryPostsItsDocumentToTheEndpointItself() throws IOException {
        client.query(ENDPOINT, headers(), documents.boardCheck("18273395993"), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.POST);
        assertThat(request.url()).isEqualTo("https://api.monday.com/v2");
        assertThat(request.headers().get("Authorization")).containsExactly("eyJhbGciOi.token");
        assertThat(request.headers().get("API-Version")).containsExactly("2026-10");
        assertThat(request.headers().get("Content-Type")).containsExactly("application/json");
        assertThat(request.headers().get("Accept")).containsExactly("application/json");
        assertThat(MondayCrmAnswers.JSON.readTree(request.body()).at("/variables/ids/0").asText()).isEqualTo("18273395993");
    }

    @Test
    void theMutationCarriesThePassThroughQuery() throws IOException {
        client.mutate(ENDPOINT, headers(), Map.of("trace", "%7Bx%7D"), documents.delete("18273395993"), OPTIONS).close();

        Request request = sent.get(0);
        assertThat(request.httpMethod()).isEqualTo(Request.HttpMethod.POST);
        assertThat(request.url()).isEqualTo("https://api.monday.com/v2?trace=%7Bx%7D");
        assertThat(MondayCrmAnswers.JSON.readTree(request.body()).get("query").asText()).contains("delete_item");
    }
}
