package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service (launcher, configuration file, the three adapters found by ServiceLoader)
 * against WireMock providers: every row of the contract's error table, each format and parameter
 * spelling, the headers, and what reached the provider.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EndToEndTest {

    static final String TOKEN = "e2e-token-one";
    static final String OTHER_TOKEN = "e2e-token-two";
    static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    static final String PIPELINER = "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23";
    static final String SELL = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
    static final String UNREACHABLE = "11111111-2222-4333-8444-555555555555";
    static final String INSIGHTLY_KEY = "ik-secret-value";
    static final String PL_PASSWORD = "pl-secret-pass";
    static final String SELL_TOKEN = "sell-secret-token";
    static final String PL_LEAD = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90";
    static final String LEADS = "/unified/crm/leads/";

    final ObjectMapper json = new ObjectMapper();
    WireMockServer providers;
    RunningServiceFixture service;

    @BeforeAll
    void start() throws IOException {
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        String root = "http://127.0.0.1:" + providers.port();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String config = """
                {
                  "api_tokens": ["${env:E2E_TOKEN}", "%s"],
                  "timeouts": {"connect_ms": 1000, "attempt_ms": 3000, "request_ms": 4000},
                  "accounts": [
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "${env:INSIGHTLY_KEY}"}, "rate_limit": {"requests_per_second": 0}},
                    {"id": "%s", "integration": "pipeliner", "base_url": "%s/pipeliner/api/v100/rest/spaces/sp",
                     "context": {"space_id": "sp"}, "credentials": {"username": "pl-user", "password": "%s"}},
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2",
                     "credentials": {"access_token": "%s"}},
                    {"id": "%s", "integration": "insightly", "base_url": "http://127.0.0.1:%d/v3.1",
                     "credentials": {"api_key": "k"}}
                  ]
                }
                """.formatted(OTHER_TOKEN, INSIGHTLY, root, PIPELINER, root, PL_PASSWORD, SELL, root, SELL_TOKEN,
                UNREACHABLE, closedPort);
        service = new RunningServiceFixture(config, Map.of("E2E_TOKEN", TOKEN, "INSIGHTLY_KEY", INSIGHTLY_KEY));
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

    HttpResponse<String> deleteLead(String id, String query) {
        return service.delete(LEADS + id + "?" + query, TOKEN);
    }

    JsonNode body(HttpResponse<String> response) {
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    void assertError(HttpResponse<String> response, int status, String reason) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("x-request-id")).isPresent();
        JsonNode body = body(response);
        assertThat(body.get("statusCode").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isEqualTo(reason);
        assertThat(body.get("message").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain(INSIGHTLY_KEY, PL_PASSWORD, SELL_TOKEN, TOKEN, "Exception", "at dev.");
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    // ---- successful answers -------------------------------------------------------------------

    @Test
    void deletesInsightlyLeadAnsweringUnifiedWithNormalizedRateLimitHeaders() {
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/71234567")).willReturn(aResponse().withStatus(202)
                .withHeader("X-RateLimit-Limit", "1000").withHeader("X-RateLimit-Remaining", "998")));

        var response = deleteLead("71234567", "integrated_account_id=" + INSIGHTLY.toUpperCase());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"71234567\"}");
        assertThat(response.headers().firstValue("content-type")).contains("application/json");
        assertThat(response.headers().firstValue("ratelimit-limit")).contains("1000");
        assertThat(response.headers().firstValue("ratelimit-remaining")).contains("998");
        assertThat(response.headers().firstValue("x-delete-outcome")).contains("deleted");
        providers.verify(1, deleteRequestedFor(urlEqualTo("/insightly/v3.1/Leads/71234567"))
                .withHeader("Authorization", equalTo(basic(INSIGHTLY_KEY, "")))
                .withHeader("Accept", equalTo("application/json"))
                .withHeader("User-Agent", equalTo("unified-crm/0.1.0")));
    }

    @Test
    void deletesPipelinerLeadWithLowerCasedIdAndRemoteData() {
        providers.stubFor(delete(urlPathEqualTo("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":\"" + PL_LEAD + "\"}")));

        var response = deleteLead(PL_LEAD.toUpperCase(), "integrated_account_id=" + PIPELINER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"" + PL_LEAD + "\",\"remote_data\":{\"success\":true,\"data\":\""
                + PL_LEAD + "\"}}");
        providers.verify(1, deleteRequestedFor(urlEqualTo("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD))
                .withHeader("Authorization", equalTo(basic("pl-user", PL_PASSWORD))));
    }

    @Test
    void answersNormalizedShapeAndDropsRemoteDataWhenIgnored() {
        providers.stubFor(delete(urlPathEqualTo("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":\"" + PL_LEAD + "\"}")));

        var normalized = body(deleteLead(PL_LEAD, "integrated_account_id=" + PIPELINER + "&truto_response_format=normalized"));
        var ignored = body(deleteLead(PL_LEAD, "integrated_account_id=" + PIPELINER
                + "&truto_response_format=normalized&truto_ignore_remote_data=TRUE"));

        assertThat(normalized.fieldNames()).toIterable().containsExactly("id", "owner", "lead_source", "lead_type",
                "status", "title", "contact", "account", "first_name", "last_name", "addresses", "email_addresses",
                "phone_numbers", "custom_fields", "last_activity_at", "created_at", "updated_at", "converted_at",
                "converted_contact", "converted_account", "remote_data");
        assertThat(normalized.get("addresses").isArray()).isTrue();
        assertThat(normalized.get("custom_fields").isObject()).isTrue();
        assertThat(normalized.get("owner").isNull()).isTrue();
        assertThat(normalized.get("remote_data").get("success").asBoolean()).isTrue();
        assertThat(ignored.has("remote_data")).isFalse();
        assertThat(ignored.get("id").asText()).isEqualTo(PL_LEAD);
    }

    @Test
    void passesRawProviderAnswerOnWithoutContentTypeWhenItSentNone() {
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/2012345678")).willReturn(aResponse().withStatus(204)));

        var response = deleteLead("2012345678", "integrated_account_id=" + SELL + "&truto_response_format=raw");

        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.headers().firstValue("content-type")).isEmpty();
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("x-delete-outcome")).contains("deleted");
        providers.verify(1, deleteRequestedFor(urlEqualTo("/sell/v2/leads/2012345678"))
                .withHeader("Authorization", equalTo("Bearer " + SELL_TOKEN)));
    }

    @Test
    void passesRawProvider4xxOnByteForByteWithItsExactContentType() {
        String providerBody = "{ \"Message\" : \"Lead not found.\" }\n";
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/5")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=utf-8").withBody(providerBody)));

        var response = deleteLead("5", "integrated_account_id=" + INSIGHTLY + "&truto_response_format=raw");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).contains("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(providerBody);
    }

    @Test
    void returnsDeletedLeadFetchedFirst() {
        providers.stubFor(get(urlEqualTo("/sell/v2/leads/7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":7,\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"title\":\"CEO\","
                        + "\"custom_fields\":{\"budget\":12345678901234567890.50}},\"meta\":{\"type\":\"lead\"}}")));
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/7")).willReturn(aResponse().withStatus(204)));

        var response = deleteLead("7", "integrated_account_id=" + SELL + "&return_deleted_lead=true");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode lead = body(response);
        assertThat(lead.get("id").asText()).isEqualTo("7");
        assertThat(lead.get("first_name").asText()).isEqualTo("Jane");
        assertThat(response.body()).contains("12345678901234567890.50");
        assertThat(lead.get("remote_data").get("id").asInt()).isEqualTo(7);
        providers.verify(1, getRequestedFor(urlEqualTo("/sell/v2/leads/7")));
        providers.verify(1, deleteRequestedFor(urlEqualTo("/sell/v2/leads/7")));
    }

    @Test
    void excludesFieldsGivenInEverySpelling() {
        providers.stubFor(get(urlEqualTo("/sell/v2/leads/7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"id\":7,\"first_name\":\"Jane\",\"last_name\":\"Doe\",\"title\":\"CEO\"}}")));
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/7")).willReturn(aResponse().withStatus(204)));

        JsonNode lead = body(deleteLead("7", "integrated_account_id=" + SELL + "&return_deleted_lead=true"
                + "&truto_response_format=normalized"
                + "&truto_exclude_fields%5B%5D=first_name&truto_exclude_fields[0]=last_name,title"
                + "&truto_exclude_fields=remote_data&truto_exclude_fields%5B1%5D=owner"));

        assertThat(lead.has("first_name")).isFalse();
        assertThat(lead.has("last_name")).isFalse();
        assertThat(lead.has("title")).isFalse();
        assertThat(lead.has("remote_data")).isFalse();
        assertThat(lead.has("owner")).isFalse();
        assertThat(lead.get("id").asText()).isEqualTo("7");
    }

    @Test
    void passesRemoteQueryToTheProviderDeleteOnly() {
        providers.stubFor(delete(urlPathEqualTo("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":\"" + PL_LEAD + "\"}")));

        var response = deleteLead(PL_LEAD, "integrated_account_id=" + PIPELINER
                + "&remote_query[validation-level]=2&remote_query%5Ba%5D%5Bb%5D=c+d&remote_query[x]=1&remote_query[x]=2"
                + "&unrelated=ignored");

        assertThat(response.statusCode()).isEqualTo(200);
        var requests = providers.findAll(deleteRequestedFor(urlPathEqualTo(
                "/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD)));
        assertThat(requests).hasSize(1);
        var query = requests.get(0).getQueryParams();
        assertThat(query.keySet()).containsExactlyInAnyOrder("validation-level", "a[b]", "x");
        assertThat(query.get("validation-level").values()).containsExactly("2");
        assertThat(query.get("a[b]").values()).containsExactly("c d");
        assertThat(query.get("x").values()).containsExactly("1", "2");
    }

    @Test
    void ignoresARequestBody() {
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/9")).willReturn(aResponse().withStatus(204)));

        var response = service.send(HttpRequest.newBuilder(service.uri(LEADS + "9?integrated_account_id=" + SELL))
                .method("DELETE", HttpRequest.BodyPublishers.ofString("{\"not\":\"used\"}"))
                .header("Authorization", "bEaReR " + OTHER_TOKEN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"id\":\"9\"}");
    }

    // ---- the error table -----------------------------------------------------------------------

    @Test
    void unknownPathIs404WithoutAuthentication() {
        assertError(service.send(HttpRequest.newBuilder(service.uri("/unified/crm/lead/1")).DELETE()), 404, "Not Found");
        assertError(service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/1/"))), 404, "Not Found");
        assertError(service.send(HttpRequest.newBuilder(service.uri("/"))), 404, "Not Found");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "OPTIONS", "PROPFIND"})
    void otherMethodsOnTheLeadRouteAre405WithAllowBeforeAuthentication(String method) {
        var response = service.send(HttpRequest.newBuilder(service.uri(LEADS + "1?integrated_account_id=" + SELL))
                .method(method, HttpRequest.BodyPublishers.noBody()));

        assertError(response, 405, "Method Not Allowed");
        assertThat(response.headers().firstValue("allow")).contains("DELETE");
    }

    @Test
    void headOnTheLeadRouteIs405() throws IOException {
        var answer = RawHttp.request(service.port(), "HEAD", LEADS + "1");
        assertThat(answer.status()).isEqualTo(405);
        assertThat(answer.header("allow")).isEqualTo("DELETE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer wrong", "Basic ZTJlLXRva2VuLW9uZTo=", "Bearer", "e2e-token-one"})
    void missingOrWrongTokenIs401WithChallenge(String authorization) {
        var request = HttpRequest.newBuilder(service.uri(LEADS + "1?integrated_account_id=not-a-uuid")).DELETE();
        if (!authorization.isEmpty()) {
            request.header("Authorization", authorization);
        }
        var response = service.send(request);

        assertError(response, 401, "Unauthorized");
        assertThat(response.headers().firstValue("www-authenticate")).contains("Bearer");
        providers.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "integrated_account_id=",
            "integrated_account_id=1-2-3-4-5",
            "integrated_account_id=" + SELL + "&integrated_account_id=" + SELL,
            "integrated_account_id=" + SELL + "&truto_response_format=",
            "integrated_account_id=" + SELL + "&truto_response_format=RAW",
            "integrated_account_id=" + SELL + "&truto_response_format=unified&truto_response_format=unified",
            "integrated_account_id=" + SELL + "&truto_ignore_remote_data=",
            "integrated_account_id=" + SELL + "&truto_ignore_remote_data=yes",
            "integrated_account_id=" + SELL + "&return_deleted_lead=1",
            "integrated_account_id=" + SELL + "&return_deleted_lead=true&truto_response_format=raw",
            "integrated_account_id=" + SELL + "&remote_query%5B%5D=x",
    })
    void queryThatBreaksTheContractIs400(String query) {
        var response = deleteLead("1", query);

        assertError(response, 400, "Bad Request");
        providers.verify(0, anyRequestedFor(anyUrl()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo=%zz", "foo=%4", "%G1=x", "truto_exclude_fields=a%"})
    void malformedPercentEscapeInTheQueryIs400(String extra) throws IOException {
        var answer = RawHttp.request(service.port(), "DELETE",
                LEADS + "1?integrated_account_id=" + SELL + "&" + extra, "Authorization: Bearer " + TOKEN);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/json");
        assertThat(answer.body()).contains("percent-escape");
        providers.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void queryIsCheckedBeforeTheAccountAndTheAccountBeforeTheIdFormat() {
        assertError(deleteLead("not-a-number", "integrated_account_id=" + SELL + "&truto_response_format=xml"),
                400, "Bad Request");
        var unknown = deleteLead("not-a-number", "integrated_account_id=aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee");
        assertError(unknown, 404, "Not Found");
        assertThat(body(unknown).has("truto_is_remote_error")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"007", "%2B5", "-1", "12a", "9223372036854775808", "%D9%A1", "1%201", "%20"})
    void idNotInTheIntegrationsFormatIs400(String id) {
        assertError(deleteLead(id, "integrated_account_id=" + INSIGHTLY), 400, "Bad Request");
        providers.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void pipelinerIdMustBeAUuid() {
        assertError(deleteLead("71234567", "integrated_account_id=" + PIPELINER), 400, "Bad Request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a%2Fb", "..", "%2e%2E", ".", "1;x", "%5C1", "1%2f..%2f..%2fadmin"})
    void ambiguousPathIs400JsonEvenWithoutAToken(String id) throws IOException {
        var answer = RawHttp.request(service.port(), "DELETE", LEADS + id + "?integrated_account_id=" + SELL);

        assertThat(answer.status()).as(answer.body()).isEqualTo(400);
        assertThat(answer.header("content-type")).isEqualTo("application/json");
        assertThat(answer.header("x-request-id")).isNotBlank();
        assertThat(answer.body()).startsWith("{\"statusCode\":400,\"error\":\"Bad Request\",\"message\":\"");
        providers.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void serverLevelRefusalsAreJsonWithRequestId() throws IOException {
        var badEscape = RawHttp.request(service.port(), "DELETE", LEADS + "%ZZ", "x-request-id: abc");
        var tooLong = RawHttp.request(service.port(), "DELETE", LEADS + "1?x=" + "a".repeat(20_000));
        var bigHeaders = RawHttp.request(service.port(), "DELETE", LEADS + "1", "X-Big: " + "b".repeat(20_000));

        for (var answer : List.of(badEscape, tooLong, bigHeaders)) {
            assertThat(answer.header("content-type")).isEqualTo("application/json");
            assertThat(answer.header("x-request-id")).isNotBlank();
            assertThat(answer.body()).startsWith("{\"statusCode\":" + answer.status() + ",\"error\":\"");
            assertThat(answer.body()).doesNotContain("<html", "Exception");
        }
        assertThat(badEscape.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(414);
        assertThat(bigHeaders.status()).isEqualTo(431);
    }

    @Test
    void provider4xxKeepsItsStatusAsRemoteErrorWithItsMessage() {
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/5")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Remaining", "7")
                .withBody("{\"Message\":\"Lead not found.\"}")));

        var response = deleteLead("5", "integrated_account_id=" + INSIGHTLY);

        assertError(response, 404, "Not Found");
        assertThat(response.body()).isEqualTo("{\"statusCode\":404,\"error\":\"Not Found\",\"message\":\"Lead not found.\","
                + "\"truto_is_remote_error\":true,\"raw_response\":{\"Message\":\"Lead not found.\"}}");
        assertThat(response.headers().firstValue("ratelimit-remaining")).contains("7");
        assertThat(response.headers().firstValue("x-delete-outcome")).isEmpty();
    }

    @Test
    void provider422And429AreRemoteWithRetryAfterPassedOn() {
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/3")).willReturn(aResponse().withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"errors\":[{\"error\":{\"code\":\"invalid\",\"message\":\"bad\",\"details\":\"Lead is locked\"}}]}")));
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/4")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "3600").withHeader("X-RateLimit-Remaining", "0").withBody("slow down")));

        var locked = deleteLead("3", "integrated_account_id=" + SELL);
        var limited = deleteLead("4", "integrated_account_id=" + INSIGHTLY);

        assertError(locked, 422, "Unprocessable Content");
        assertThat(body(locked).get("message").asText()).isEqualTo("Lead is locked");
        assertThat(body(locked).get("truto_is_remote_error").asBoolean()).isTrue();
        assertError(limited, 429, "Unknown");
        assertThat(limited.headers().firstValue("retry-after")).contains("3600");
        assertThat(body(limited).get("raw_response").asText()).isEqualTo("slow down");
    }

    @Test
    void provider5xxIs502WithRemoteStatus() {
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/6")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"Message\":\"Boom\"}")));

        var response = deleteLead("6", "integrated_account_id=" + INSIGHTLY);

        assertError(response, 502, "Bad Gateway");
        assertThat(body(response).get("remote_status_code").asInt()).isEqualTo(500);
        assertThat(body(response).get("truto_is_remote_error").asBoolean()).isTrue();
    }

    @Test
    void providerContractBreachesAre502() {
        providers.stubFor(delete(urlEqualTo("/insightly/v3.1/Leads/8")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "/elsewhere")));
        providers.stubFor(delete(urlPathEqualTo("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/" + PL_LEAD))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"message\":\"nope\"}")));

        var redirect = deleteLead("8", "integrated_account_id=" + INSIGHTLY);
        var unsuccessful = deleteLead(PL_LEAD, "integrated_account_id=" + PIPELINER);

        assertError(redirect, 502, "Bad Gateway");
        assertThat(body(redirect).get("remote_status_code").asInt()).isEqualTo(302);
        assertError(unsuccessful, 502, "Bad Gateway");
        assertThat(body(unsuccessful).get("remote_status_code").asInt()).isEqualTo(200);
        providers.verify(0, anyRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void noProviderAnswerInTimeIs504NotRemote() {
        providers.stubFor(delete(urlEqualTo("/sell/v2/leads/10")).willReturn(aResponse().withStatus(204)
                .withFixedDelay(6_000)));

        var response = deleteLead("10", "integrated_account_id=" + SELL);

        assertError(response, 504, "Gateway Timeout");
        assertThat(body(response).has("truto_is_remote_error")).isFalse();
    }

    @Test
    void unreachableProviderIs502NotRemote() {
        var response = deleteLead("1", "integrated_account_id=" + UNREACHABLE);

        assertError(response, 502, "Bad Gateway");
        assertThat(body(response).has("truto_is_remote_error")).isFalse();
    }

    // ---- request ids, health, openapi -----------------------------------------------------------

    @Test
    void echoesAValidRequestIdAndReplacesAnInvalidOne() {
        var echoed = service.send(HttpRequest.newBuilder(service.uri("/nowhere")).header("x-request-id", "abc.DEF_1-2"));
        var replaced = service.send(HttpRequest.newBuilder(service.uri("/nowhere")).header("x-request-id", "has space"));
        var tooLong = service.send(HttpRequest.newBuilder(service.uri("/health")).header("x-request-id", "a".repeat(129)));

        assertThat(echoed.headers().firstValue("x-request-id")).contains("abc.DEF_1-2");
        assertThat(replaced.headers().firstValue("x-request-id")).get().asString().matches("[A-Za-z0-9._-]{1,128}");
        assertThat(tooLong.headers().firstValue("x-request-id")).get().asString().hasSizeLessThanOrEqualTo(128)
                .isNotEqualTo("a".repeat(129));
    }

    @Test
    void healthAndOpenApiNeedNoToken() {
        var health = service.send(HttpRequest.newBuilder(service.uri("/health")));
        var openapi = service.send(HttpRequest.newBuilder(service.uri("/openapi.json")));

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(health.headers().firstValue("content-type")).contains("application/json");
        assertThat(health.headers().firstValue("x-request-id")).isPresent();
        assertThat(openapi.statusCode()).isEqualTo(200);
        assertThat(body(openapi).get("openapi").asText()).startsWith("3.");
    }
}
