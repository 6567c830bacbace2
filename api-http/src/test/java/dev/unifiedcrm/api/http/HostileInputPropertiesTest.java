package dev.unifiedcrm.api.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input, generated: ids, query strings, header values and provider answers. Whatever comes,
 * the service never answers 500, never hangs, never calls a provider path other than the lead's,
 * and never lets CR or LF into a header.
 */
class HostileInputPropertiesTest {

    private static final String TOKEN = "property-token";
    private static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    private static final String PIPELINER = "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23";
    /** An account on a provider of its own: its odd answers (and the requests WireMock logs late) stay there. */
    private static final String WILD = "3c2b1a09-8f7e-4d6c-9b5a-4f3e2d1c0b9a";
    private static final AtomicLong WILD_LEADS = new AtomicLong(1_000_000);
    private static final Pattern INSIGHTLY_LEAD_PATH = Pattern.compile("/insightly/v3\\.1/Leads/[1-9][0-9]{0,18}");
    private static final Pattern PIPELINER_LEAD_PATH =
            Pattern.compile("/pipeliner/api/v100/rest/spaces/sp/entities/Leads/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern SAFE_HEADER_VALUE = Pattern.compile("[\\x20-\\x7e]*");
    /** request_ms plus a generous margin: an answer later than this is a hang. */
    private static final Duration NO_HANG = Duration.ofSeconds(5);

    private static WireMockServer providers;
    private static WireMockServer wildProvider;
    private static RunningServiceFixture service;

    @BeforeContainer
    static void start() throws IOException {
        providers = new WireMockServer(options().dynamicPort().containerThreads(30));
        providers.start();
        providers.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(202)));
        wildProvider = new WireMockServer(options().dynamicPort().containerThreads(30));
        wildProvider.start();
        String root = "http://127.0.0.1:" + providers.port();
        String wildRoot = "http://127.0.0.1:" + wildProvider.port();
        String config = """
                {
                  "api_tokens": ["%s"],
                  "timeouts": {"connect_ms": 500, "attempt_ms": 1000, "request_ms": 2000},
                  "accounts": [
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "property-key"}, "rate_limit": {"requests_per_second": 0}},
                    {"id": "%s", "integration": "pipeliner", "base_url": "%s/pipeliner/api/v100/rest/spaces/sp",
                     "context": {"space_id": "sp"}, "credentials": {"username": "u", "password": "p"}},
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "property-key"}, "rate_limit": {"requests_per_second": 0}}
                  ]
                }
                """.formatted(TOKEN, INSIGHTLY, root, PIPELINER, root, WILD, wildRoot);
        service = new RunningServiceFixture(config, Map.of());
    }

    @AfterContainer
    static void stop() {
        service.close();
        providers.stop();
        wildProvider.stop();
    }

    @Property(tries = 250)
    void anyIdIsAnsweredWithoutA500AndReachesNoOtherProviderPath(@ForAll("ids") String id, @ForAll boolean pipeliner,
                                                                 @ForAll boolean encodeEverything) throws IOException {
        providers.resetRequests();
        String path = "/unified/crm/leads/" + (encodeEverything ? percentEncodeAll(id) : percentEncodeUnsafe(id));

        var answer = send(path + "?integrated_account_id=" + (pipeliner ? PIPELINER : INSIGHTLY));

        // 502: a valid Pipeliner id reaches the provider, whose 202 is not Pipeliner's confirmation.
        assertThat(answer.status()).isNotEqualTo(500).isIn(200, 400, 404, 502);
        assertOnlyLeadPathsWereCalled();
        if (answer.status() == 400 || answer.status() == 404) {
            assertThat(providerRequests()).as("a refused id never reaches a provider").isEmpty();
        }
    }

    @Property(tries = 250)
    void anyQueryStringIsAnsweredWithoutA500(@ForAll("queries") String query, @ForAll boolean withAccount) throws IOException {
        providers.resetRequests();
        String fullQuery = (withAccount ? "integrated_account_id=" + INSIGHTLY + "&" : "") + query;

        var answer = send("/unified/crm/leads/42?" + fullQuery);

        // 202: raw passes the provider's answer on; 502: with return_deleted_lead a 202 is no lead to fetch.
        assertThat(answer.status()).isNotEqualTo(500).isIn(200, 202, 400, 404, 502);
        assertOnlyLeadPathsWereCalled();
        for (LoggedRequest request : providerRequests()) {
            assertThat(request.getMethod().getName()).isIn("DELETE", "GET");
        }
    }

    @Property(tries = 250)
    void anyHeaderValueIsAnsweredWithoutA500AndNothingUnsafeIsEchoed(@ForAll("headerValues") String requestId,
                                                                     @ForAll("headerValues") String idempotencyKey,
                                                                     @ForAll("headerValues") String authorization) throws IOException {
        providers.resetRequests();

        var answer = RawHttp.request(service.port(), "DELETE", "/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY,
                "Authorization: Bearer " + TOKEN, "x-request-id: " + requestId, "Idempotency-Key: " + idempotencyKey,
                "X-Other: " + authorization);

        assertThat(answer.status()).isNotEqualTo(500).isIn(200, 400, 422);
        assertSafeHeaders(answer);
        assertOnlyLeadPathsWereCalled();
    }

    @Property(tries = 250)
    void anyProviderAnswerIsAnsweredWithoutA500InTime(@ForAll("providerAnswers") ResponseDefinitionBuilder providerAnswer,
                                                      @ForAll("formats") String format) throws IOException {
        String lead = String.valueOf(WILD_LEADS.incrementAndGet());
        String leadPath = "/insightly/v3.1/Leads/" + lead;
        wildProvider.stubFor(any(urlPathEqualTo(leadPath)).willReturn(providerAnswer));

        long start = System.nanoTime();
        var answer = send("/unified/crm/leads/" + lead + "?integrated_account_id=" + WILD + format);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(NO_HANG);
        assertThat(answer.status()).isNotEqualTo(500);
        assertThat(wildProvider.findAll(anyRequestedFor(urlPathEqualTo(leadPath)))).hasSizeBetween(0, 3);
        assertSafeHeaders(answer);
        for (LoggedRequest request : wildProvider.findAll(anyRequestedFor(anyUrl()))) {
            assertThat(request.getUrl()).matches(INSIGHTLY_LEAD_PATH.pattern());
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('0', '9').ofMinLength(0).ofMaxLength(25),
                Arbitraries.strings().withChars("0123456789+-. /\\%?#&=;:@abcdefABCDEF\u0660\u0661\uff11\u00e9").ofMaxLength(40),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("..", ".", "42/../1", "%2e%2e", "42%2F1", "42?x=1", "-1", "+1", "007", "9223372036854775808",
                        "8C4D1F7E-3B2A-4D9E-9F10-2A6B5C7D8E90", "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90/x"));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> names = Arbitraries.oneOf(
                Arbitraries.of("truto_response_format", "truto_ignore_remote_data", "truto_exclude_fields",
                        "truto_exclude_fields[]", "truto_exclude_fields[0]", "return_deleted_lead", "integrated_account_id",
                        "remote_query[a]", "remote_query[a][b]", "remote_query[", "remote_query[]", "x"),
                Arbitraries.strings().withChars("abc[]%=&+_.,;:'\"<>{}|\\^~`!$()*@/?0123456789").ofMaxLength(15));
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("raw", "normalized", "unified", "true", "FALSE", "", "%", "%zz", "%41", "+", "a,b", "%0D%0A"),
                Arbitraries.strings().withChars("abc[]%=+_.,;:'\"<>{}|\\^~`!$()*@/?0123456789").ofMaxLength(15));
        Arbitrary<String> pair = net.jqwik.api.Combinators.combine(names, values, Arbitraries.of("=", "", "=="))
                .as((name, value, separator) -> name + separator + value);
        return pair.list().ofMaxSize(6).map(pairs -> String.join("&", pairs));
    }

    @Provide
    Arbitrary<String> headerValues() {
        // What a client can put in a header line: printable ASCII and Latin-1, never CR or LF.
        return Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0020', '\u007e').ofMaxLength(300),
                Arbitraries.strings().withCharRange('\u00a0', '\u00ff').ofMaxLength(20),
                Arbitraries.of("", "abc", "k".repeat(255), "k".repeat(256), "${jndi:ldap://x}", "%0d%0aSet-Cookie: x=y"));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("", "&truto_response_format=raw", "&truto_response_format=normalized");
    }

    @Provide
    Arbitrary<ResponseDefinitionBuilder> providerAnswers() {
        Arbitrary<Integer> statuses = Arbitraries.oneOf(Arbitraries.integers().between(200, 599),
                Arbitraries.of(200, 202, 204, 301, 302, 400, 401, 404, 429, 500, 502, 503, 504));
        Arbitrary<String> headerValues = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0020', '\u007e').ofMaxLength(40),
                Arbitraries.of("0", "1", "-1", "99999999999999999999", "Sun, 29 Nov 2026 10:00:05 GMT", "1.5", " 3 "));
        Arbitrary<String> bodies = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(200),
                Arbitraries.of("", "{}", "[]", "null", "{\"Message\":\"x\"}", "{\"Message\":" + "9".repeat(400) + "}",
                        "{\"success\":false}", "<html>oops</html>", "{\"Message\":\"a\\r\\nb\"}"));
        Arbitrary<Optional<String>> contentTypes = Arbitraries.of(Optional.empty(), Optional.of("application/json"),
                Optional.of("text/plain"), Optional.of("application/json; charset=utf-8"), Optional.of("text/html"));
        return net.jqwik.api.Combinators.combine(statuses, headerValues, headerValues, bodies, contentTypes)
                .as((status, retryAfter, remaining, body, contentType) -> {
                    var answer = aResponse().withStatus(status).withHeader("Retry-After", retryAfter)
                            .withHeader("X-RateLimit-Remaining", remaining).withHeader("X-RateLimit-Limit", remaining)
                            .withBody(body);
                    contentType.ifPresent(type -> answer.withHeader("Content-Type", type));
                    return answer;
                });
    }

    // ---- helpers ----

    private static RawHttp.Answer send(String target) throws IOException {
        return RawHttp.request(service.port(), "DELETE", target, "Authorization: Bearer " + TOKEN);
    }

    private static List<LoggedRequest> providerRequests() {
        return providers.findAll(anyRequestedFor(anyUrl()));
    }

    private static void assertOnlyLeadPathsWereCalled() {
        for (LoggedRequest request : providerRequests()) {
            String path = request.getUrl().contains("?") ? request.getUrl().substring(0, request.getUrl().indexOf('?')) : request.getUrl();
            assertThat(INSIGHTLY_LEAD_PATH.matcher(path).matches() || PIPELINER_LEAD_PATH.matcher(path).matches())
                    .as("provider path %s", request.getUrl()).isTrue();
        }
    }

    private static void assertSafeHeaders(RawHttp.Answer answer) {
        answer.headers().forEach((name, value) -> {
            assertThat(name).matches("[a-z0-9-]+");
            assertThat(value).as("header %s", name).matches(SAFE_HEADER_VALUE);
        });
        assertThat(answer.headers()).doesNotContainKey("set-cookie");
    }

    private static String percentEncodeAll(String text) {
        var encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            encoded.append('%').append(String.format("%02X", b & 0xff));
        }
        return encoded.toString();
    }

    /** Leaves what may stand in a path as it is (so dot segments and stray % reach the server), encodes the rest. */
    private static String percentEncodeUnsafe(String text) {
        var encoded = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~!$&'()*+,;=:@%/".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append(URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8).replace("+", "%20"));
            }
        }
        return encoded.toString();
    }
}
