package dev.unifiedcrm.api.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.unifiedcrm.application.ApiErrors;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadResult;
import dev.unifiedcrm.application.DeleteOutcome;
import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP layer over a fake use case: what reaches the use case, and how its results are written. */
class HttpServiceTest {

    static final String ACCOUNT = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
    static final Integration CRM = new Integration("some_crm");

    final AtomicReference<DeleteLeadCommand> received = new AtomicReference<>();
    final AtomicReference<Function<DeleteLeadCommand, DeleteLeadResult>> answer = new AtomicReference<>();
    final HttpClient client = HttpClient.newHttpClient();
    final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    HttpService service;

    @BeforeEach
    void start() {
        ((Logger) LoggerFactory.getLogger(HttpService.class)).addAppender(logs);
        logs.start();
        service = new HttpService(command -> {
            received.set(command);
            return answer.get().apply(command);
        }, new BearerTokens(List.of("first-token", "second-token")), "{}".getBytes())
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        service.stop(Duration.ofSeconds(1));
        ((Logger) LoggerFactory.getLogger(HttpService.class)).detachAppender(logs);
    }

    HttpResponse<String> delete(String pathAndQuery, String... headers) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + pathAndQuery)).DELETE();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void buildsTheCommandFromPathQueryAndHeaders() throws Exception {
        answer.set(command -> deleted(command.leadId(), json(200, Map.of())));

        var response = delete("/unified/crm/leads/%41b%2B?integrated_account_id=" + ACCOUNT.toUpperCase()
                        + "&truto_response_format=normalized&truto_ignore_remote_data=True&return_deleted_lead=FALSE"
                        + "&truto_exclude_fields[]=a,b&truto_exclude_fields%5B3%5D=c&truto_exclude_fields=d+e"
                        + "&remote_query[q]=1&remote_query[a][b]=%26&remote_query[q]=2",
                "Authorization", "BEARER second-token", "Idempotency-Key", "key with spaces", "x-request-id", "rid-1");

        assertThat(response.statusCode()).isEqualTo(200);
        DeleteLeadCommand command = received.get();
        assertThat(command.leadId()).isEqualTo("Ab+");
        assertThat(command.accountId().value()).isEqualTo(ACCOUNT);
        assertThat(command.format()).isEqualTo(ResponseFormat.NORMALIZED);
        assertThat(command.ignoreRemoteData()).isTrue();
        assertThat(command.returnDeletedLead()).isFalse();
        assertThat(command.excludedFields()).containsExactly("a", "b", "c", "d e");
        assertThat(command.remoteQuery()).containsExactly(new QueryParameter("q", "1"), new QueryParameter("a[b]", "&"),
                new QueryParameter("q", "2"));
        assertThat(command.idempotencyKey()).contains("key with spaces");
        assertThat(command.caller()).as("the SHA-256 of second-token").hasSize(64).matches("[0-9a-f]{64}").doesNotContain("second-token");
        assertThat(command.requestId()).isEqualTo("rid-1");
        assertThat(response.headers().firstValue("x-request-id")).contains("rid-1");
    }

    @Test
    void defectIsA500WithoutDetailsLoggedUnderTheRequestId() throws Exception {
        answer.set(command -> {
            throw new IllegalStateException("secret detail from dev.unifiedcrm.Something");
        });

        var response = delete("/unified/crm/leads/1?integrated_account_id=" + ACCOUNT,
                "Authorization", "Bearer first-token", "x-request-id", "defect-1");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.body()).isEqualTo("{\"statusCode\":500,\"error\":\"Internal Server Error\",\"message\":"
                + "\"An unexpected error occurred in the service; it has been logged with this request's x-request-id.\"}");
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getFormattedMessage()).contains("defect-1");
            assertThat(event.getThrowableProxy().getMessage()).contains("secret detail");
        });
    }

    @Test
    void theStatusLineSaysTheSameReasonAsTheErrorBody() throws Exception {
        var account = IntegratedAccountId.parse(ACCOUNT).orElseThrow();
        Map<String, DeleteLeadResult> results = Map.of(
                "400", new DeleteLeadResult.InvalidRequest(Optional.of(CRM), "a bad request"),
                "404", new DeleteLeadResult.AccountUnknown(account),
                "409", new DeleteLeadResult.IdempotencyKeyBusy(CRM),
                "422", new DeleteLeadResult.IdempotencyKeyMismatch(CRM),
                "429", new DeleteLeadResult.RateLimited(CRM, account, Duration.ofSeconds(1)),
                "502", new DeleteLeadResult.ProviderUnreachable(CRM, "connection refused"),
                "504", new DeleteLeadResult.ProviderTimedOut(CRM, "no answer in time"));
        answer.set(command -> results.get(command.leadId()));
        for (int status : new int[] {400, 404, 409, 422, 429, 502, 504}) {
            var raw = RawHttp.request(service.port(), "DELETE", "/unified/crm/leads/" + status + "?integrated_account_id="
                    + ACCOUNT, "Authorization: Bearer first-token");

            assertThat(raw.status()).isEqualTo(status);
            assertThat(raw.reason()).isEqualTo(errorField(raw.body())).isEqualTo(ApiErrors.reasonPhrase(status));
        }
        assertThat(RawHttp.request(service.port(), "DELETE", "/unified/crm/leads/422?integrated_account_id=" + ACCOUNT,
                "Authorization: Bearer first-token").reason()).isEqualTo("Unprocessable Content");

        answer.set(command -> {
            throw new IllegalStateException("a defect");
        });
        var defect = RawHttp.request(service.port(), "DELETE", "/unified/crm/leads/1?integrated_account_id=" + ACCOUNT,
                "Authorization: Bearer first-token");
        assertThat(defect.status()).isEqualTo(500);
        assertThat(defect.reason()).isEqualTo(errorField(defect.body())).isEqualTo("Internal Server Error");

        var unknownPath = RawHttp.request(service.port(), "GET", "/nowhere");
        assertThat(unknownPath.reason()).isEqualTo(errorField(unknownPath.body())).isEqualTo("Not Found");
        var wrongMethod = RawHttp.request(service.port(), "POST", "/unified/crm/leads/1");
        assertThat(wrongMethod.reason()).isEqualTo(errorField(wrongMethod.body())).isEqualTo("Method Not Allowed");
        assertThat(RawHttp.request(service.port(), "GET", "/health").reason()).isEqualTo("OK");
    }

    private static String errorField(String body) throws Exception {
        return new ObjectMapper().readTree(body).path("error").asText();
    }

    @Test
    void writesJsonNumbersExactlyAndKeepsKeyOrder() throws Exception {
        var tree = new LinkedHashMap<String, Object>();
        tree.put("z", new BigDecimal("1E+3"));
        tree.put("a", new BigDecimal("0.10000000000000000001"));
        tree.put("m", null);
        answer.set(command -> deleted("1", json(200, tree)));

        var response = delete("/unified/crm/leads/1?integrated_account_id=" + ACCOUNT, "Authorization", "Bearer first-token");

        assertThat(response.body()).isEqualTo("{\"id\":\"1\",\"remote_data\":{\"z\":1000,\"a\":0.10000000000000000001,\"m\":null}}");
        assertThat(response.headers().firstValue("x-delete-outcome")).contains("deleted");
    }

    @Test
    void writesRawBodiesWithTheExactContentTypeOrNone() throws Exception {
        byte[] bytes = {(byte) 0xff, 0, 'x'};
        answer.set(command -> command.leadId().equals("1")
                ? new DeleteLeadResult.RefusedByProvider(CRM, 409, Optional.empty(),
                        new ProviderAnswer(409, Map.of(), "text/plain; charset=ISO-8859-1", bytes, new RemoteBody.Text("x")), NOW)
                : deleted("2", new ProviderAnswer(202, Map.of(), null, "ok".getBytes(StandardCharsets.UTF_8), RemoteBody.empty())));

        var typed = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/unified/crm/leads/1?truto_response_format=raw&integrated_account_id=" + ACCOUNT)).DELETE()
                .header("Authorization", "Bearer first-token").build(), HttpResponse.BodyHandlers.ofByteArray());
        var untyped = delete("/unified/crm/leads/2?truto_response_format=raw&integrated_account_id=" + ACCOUNT,
                "Authorization", "Bearer first-token");

        assertThat(typed.statusCode()).isEqualTo(409);
        assertThat(typed.headers().allValues("content-type")).containsExactly("text/plain; charset=ISO-8859-1");
        assertThat(typed.body()).containsExactly(bytes);
        assertThat(untyped.statusCode()).isEqualTo(202);
        assertThat(untyped.headers().firstValue("content-type")).isEmpty();
        assertThat(untyped.body()).isEqualTo("ok");
        assertThat(typed.headers().map().keySet()).noneMatch(name -> name.startsWith("x-unified-crm"));
    }

    @Test
    void logsOneLinePerRequestWithoutQueryHeadersOrTokens() throws Exception {
        answer.set(command -> deleted("1", json(200, Map.of())));

        delete("/unified/crm/leads/1?integrated_account_id=" + ACCOUNT + "&remote_query[secret]=query-secret",
                "Authorization", "Bearer first-token", "x-request-id", "log-1");

        assertThat(loggedOnceAnswered("log-1"))
                .singleElement()
                .satisfies(event -> assertThat(event.getFormattedMessage())
                        .isEqualTo("DELETE /unified/crm/leads/1 200 " + event.getFormattedMessage().split(" ")[3]
                                + " request_id=log-1 integration=some_crm"));
        assertThat(logs.list).allSatisfy(event -> assertThat(event.getFormattedMessage())
                .doesNotContain("query-secret", "first-token", "integrated_account_id"));
    }

    /**
     * The lines naming {@code requestId}, once there is one: the access line is written after the answer
     * has been sent, so the client can have it a moment before the line exists.
     */
    private List<ILoggingEvent> loggedOnceAnswered(String requestId) throws InterruptedException {
        long giveUpAt = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            List<ILoggingEvent> lines;
            synchronized (logs) {
                lines = logs.list.stream().filter(event -> event.getFormattedMessage().contains(requestId)).toList();
            }
            if (!lines.isEmpty() || System.nanoTime() > giveUpAt) {
                return lines;
            }
            Thread.sleep(5);
        }
    }

    @Test
    void answersCarryTheirExactLengthAndAKeptAliveConnectionServesTheNext() throws Exception {
        answer.set(command -> deleted(command.leadId(), json(200, Map.of())));

        for (String id : List.of("1", "2", "3")) {
            var response = delete("/unified/crm/leads/" + id + "?integrated_account_id=" + ACCOUNT, "Authorization", "Bearer first-token");
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-length")).contains(String.valueOf(body.length));
            assertThat(response.headers().firstValue("transfer-encoding")).isEmpty();
            assertThat(new ObjectMapper().readTree(body).get("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void anAnswerLargerThanTheServersOutputBufferArrivesWhole() throws Exception {
        var large = new StringBuilder("{\"paths\":\"");
        while (large.length() < 200_000) {
            large.append("0123456789abcdef");
        }
        byte[] document = large.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
        var documented = new HttpService(command -> answer.get().apply(command), new BearerTokens(List.of("t")), document)
                .start("127.0.0.1", 0);
        try {
            var response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + documented.port() + "/openapi.json")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-length")).contains(String.valueOf(document.length));
            assertThat(response.body()).isEqualTo(document);
        } finally {
            documented.stop(Duration.ofSeconds(1));
        }
    }

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static ProviderAnswer json(int status, Map<String, Object> tree) {
        return new ProviderAnswer(status, Map.of(), "application/json", new byte[0], new RemoteBody.Json(tree));
    }

    static DeleteLeadResult deleted(String id, ProviderAnswer answer) {
        return new DeleteLeadResult.Deleted(CRM, id, DeleteOutcome.DELETED, Optional.empty(), answer, NOW);
    }
}
