package dev.unifiedcrm.api.http;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.unifiedcrm.domain.Credentials;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every success and failure path, with every log line captured: no configured secret (nor its Base64
 * form in a Basic credential) ever shows in a log line, an exception, an answer's status line,
 * headers or body, or the launcher's output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsTest {

    private static final String TOKEN = "tok-5ecret-api-token-7f3a";
    private static final String INSIGHTLY_KEY = "ik-5ecret-insightly-key-91c2";
    private static final String PL_USER = "pl-5ecret-user-1d4e";
    private static final String PL_PASSWORD = "pl-5ecret-password-a8b0";
    private static final String SELL_TOKEN = "sell-5ecret-access-token-c3d9";
    private static final String SELL_CLIENT_ID = "sell-client-5e1d";
    private static final String SELL_CLIENT_SECRET = "sell-5ecret-client-secret-77ab";
    private static final String SELL_REFRESH_TOKEN = "sell-5ecret-refresh-token-0f9e";
    private static final String ISSUED_ACCESS_TOKEN = "sell-5ecret-issued-access-token-4c2b";
    private static final String ROTATED_REFRESH_TOKEN = "sell-5ecret-rotated-refresh-token-d3e1";
    private static final List<String> SECRETS = List.of(TOKEN, INSIGHTLY_KEY, PL_USER, PL_PASSWORD, SELL_TOKEN,
            SELL_CLIENT_SECRET, SELL_REFRESH_TOKEN, ISSUED_ACCESS_TOKEN, ROTATED_REFRESH_TOKEN,
            Base64.getEncoder().encodeToString((SELL_CLIENT_ID + ":" + SELL_CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString((INSIGHTLY_KEY + ":").getBytes(StandardCharsets.UTF_8)),
            Base64.getEncoder().encodeToString((PL_USER + ":" + PL_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    private static final String INSIGHTLY = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    private static final String PIPELINER = "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23";
    private static final String SELL = "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";
    private static final String UNREACHABLE = "11111111-2222-4333-8444-555555555555";
    /** A Sell OAuth account whose token endpoint gives every provider answer of the test. */
    private static final String SELL_OAUTH_REFUSED = "2b3c4d5e-6f70-4812-9a3b-4c5d6e7f8091";
    /** A Sell OAuth account whose token endpoint issues short-lived tokens and rotates its refresh token. */
    private static final String SELL_OAUTH = "3c4d5e6f-7081-4923-8b4c-5d6e7f809102";
    private static final String PL_LEAD = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90";

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final List<LogRecord> julLogs = new ArrayList<>();
    private final Handler julHandler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (julLogs) {
                julLogs.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final StringBuilder seen = new StringBuilder();
    private WireMockServer providers;
    private RunningServiceFixture service;

    @BeforeAll
    void start() throws IOException {
        logs.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(logs);
        java.util.logging.Logger.getLogger("").addHandler(julHandler);
        providers = new WireMockServer(options().dynamicPort());
        providers.start();
        String root = "http://127.0.0.1:" + providers.port();
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String config = """
                {
                  "api_tokens": ["${env:TOKEN}"],
                  "timeouts": {"connect_ms": 500, "attempt_ms": 500, "request_ms": 1500},
                  "accounts": [
                    {"id": "%s", "integration": "insightly", "base_url": "%s/insightly/v3.1",
                     "credentials": {"api_key": "${env:INSIGHTLY_KEY}"}},
                    {"id": "%s", "integration": "pipeliner", "base_url": "%s/pipeliner/api/v100/rest/spaces/sp",
                     "context": {"space_id": "sp"}, "credentials": {"username": "${env:PL_USER}", "password": "${env:PL_PASSWORD}"}},
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2",
                     "credentials": {"access_token": "${env:SELL_TOKEN}"}},
                    {"id": "%s", "integration": "insightly", "base_url": "http://127.0.0.1:%d/v3.1",
                     "credentials": {"api_key": "${env:INSIGHTLY_KEY}"}},
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2", "token_url": "%s/sell-oauth-refused/token",
                     "credentials": {"client_id": "%s", "client_secret": "${env:SELL_CLIENT_SECRET}", "refresh_token": "${env:SELL_REFRESH_TOKEN}"}},
                    {"id": "%s", "integration": "zendesk_sell", "base_url": "%s/sell/v2", "token_url": "%s/sell-oauth/token",
                     "credentials": {"client_id": "%s", "client_secret": "${env:SELL_CLIENT_SECRET}", "refresh_token": "${env:SELL_REFRESH_TOKEN}"}}
                  ]
                }
                """.formatted(INSIGHTLY, root, PIPELINER, root, SELL, root, UNREACHABLE, closedPort,
                SELL_OAUTH_REFUSED, root, root, SELL_CLIENT_ID, SELL_OAUTH, root, root, SELL_CLIENT_ID);
        service = new RunningServiceFixture(config, Map.of("TOKEN", TOKEN, "INSIGHTLY_KEY", INSIGHTLY_KEY,
                "PL_USER", PL_USER, "PL_PASSWORD", PL_PASSWORD, "SELL_TOKEN", SELL_TOKEN,
                "SELL_CLIENT_SECRET", SELL_CLIENT_SECRET, "SELL_REFRESH_TOKEN", SELL_REFRESH_TOKEN));
    }

    @AfterAll
    void stop() {
        service.close();
        providers.stop();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
        java.util.logging.Logger.getLogger("").removeHandler(julHandler);
    }

    @Test
    void noPathEverShowsASecret() throws Exception {
        List<ResponseDefinitionBuilder> providerAnswers = List.of(
                aResponse().withStatus(202),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"data\":\"" + PL_LEAD + "\"}"),
                aResponse().withStatus(204),
                aResponse().withStatus(401).withHeader("Content-Type", "application/json").withBody("{\"Message\":\"bad key\"}"),
                aResponse().withStatus(404),
                aResponse().withStatus(429).withHeader("Retry-After", "60"),
                aResponse().withStatus(500).withBody("oops"),
                aResponse().withStatus(503),
                aResponse().withStatus(302).withHeader("Location", "https://elsewhere.example/"),
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"success\":false}"),
                aResponse().withStatus(200).withBody("x".repeat(1024 * 1024 + 10)),
                aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
                aResponse().withFault(Fault.EMPTY_RESPONSE),
                aResponse().withStatus(202).withFixedDelay(1000));
        List<String> requests = List.of(
                "/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY,
                "/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY + "&return_deleted_lead=true",
                "/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY + "&truto_response_format=raw",
                "/unified/crm/leads/" + PL_LEAD + "?integrated_account_id=" + PIPELINER,
                "/unified/crm/leads/" + PL_LEAD + "?integrated_account_id=" + PIPELINER + "&return_deleted_lead=true",
                "/unified/crm/leads/42?integrated_account_id=" + SELL + "&truto_response_format=normalized",
                "/unified/crm/leads/42?integrated_account_id=" + SELL + "&return_deleted_lead=true",
                "/unified/crm/leads/42?integrated_account_id=" + SELL_OAUTH_REFUSED,
                "/unified/crm/leads/42?integrated_account_id=" + SELL_OAUTH_REFUSED + "&truto_response_format=raw",
                "/unified/crm/leads/42?integrated_account_id=" + SELL_OAUTH,
                "/unified/crm/leads/42?integrated_account_id=" + SELL_OAUTH + "&truto_response_format=raw");
        for (ResponseDefinitionBuilder answer : providerAnswers) {
            providers.resetAll();
            providers.stubFor(any(anyUrl()).willReturn(answer));
            // Tokens that live 1 s: renewed every half second, each answer rotating the refresh token.
            providers.stubFor(post(urlPathEqualTo("/sell-oauth/token")).atPriority(1).willReturn(okJson(
                    "{\"access_token\":\"" + ISSUED_ACCESS_TOKEN + "\",\"token_type\":\"bearer\",\"expires_in\":1,"
                            + "\"refresh_token\":\"" + ROTATED_REFRESH_TOKEN + "\"}")));
            for (String request : requests) {
                record(service.delete(request, TOKEN));
            }
        }
        record(service.delete("/unified/crm/leads/42?integrated_account_id=" + UNREACHABLE, TOKEN));
        record(service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, null));
        record(service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, INSIGHTLY_KEY));
        record(service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY, TOKEN + "x"));
        record(service.delete("/unified/crm/leads/007?integrated_account_id=" + INSIGHTLY, TOKEN));
        record(service.delete("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY + "&truto_response_format=yaml", TOKEN));
        record(service.delete("/unified/crm/leads/42?integrated_account_id=00000000-0000-4000-8000-000000000000", TOKEN));
        record(service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/42?integrated_account_id=" + INSIGHTLY))
                .header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", "k").DELETE()));
        record(service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/43?integrated_account_id=" + INSIGHTLY))
                .header("Authorization", "Bearer " + TOKEN).header("Idempotency-Key", "k").DELETE()));
        record(service.send(HttpRequest.newBuilder(service.uri("/unified/crm/leads/42")).GET()));
        record(service.send(HttpRequest.newBuilder(service.uri("/health")).GET()));
        var metrics = service.send(HttpRequest.newBuilder(service.uri("/metrics")).header("Authorization", "Bearer " + TOKEN).GET());
        assertThat(metrics.body()).contains("unifiedcrm_token_requests_total{integration=\"zendesk_sell\",outcome=\"issued\"}")
                .contains("outcome=\"refused\"");
        record(metrics);
        record(service.send(HttpRequest.newBuilder(service.uri("/openapi.json")).GET()));
        record(RawHttp.request(service.port(), "DELETE", "/unified/crm/leads/%2e%2e?integrated_account_id=" + INSIGHTLY,
                "Authorization: Bearer " + TOKEN));

        String everything = seen + logText() + service.out.toString(StandardCharsets.UTF_8) + service.err.toString(StandardCharsets.UTF_8);
        assertThat(logs.list).as("the paths above were logged").hasSizeGreaterThan(100);
        for (String secret : SECRETS) {
            int at = everything.indexOf(secret);
            assertThat(at).as("a secret shows in: %s", at < 0 ? "" : everything.substring(Math.max(0, at - 300), at + 100))
                    .isNegative();
        }
    }

    @Test
    void aBadConfigurationNamesTheFieldNeverItsSecretValue() throws IOException {
        Path file = Files.createTempFile("unified-crm-", ".json");
        Files.writeString(file, """
                {"api_tokens": ["%s"], "accounts": [
                  {"id": "%s", "integration": "insightly", "context": {"pod": "%s"}, "credentials": {"api_key": "%s"}}]}
                """.formatted(TOKEN, INSIGHTLY, INSIGHTLY_KEY + "!", INSIGHTLY_KEY));
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        Launcher.Outcome outcome = Launcher.launch(new String[] {"--config", file.toString(), "--port", "0"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), name -> null);

        assertThat(outcome.service()).isEmpty();
        String printed = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8) + logText();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("context.pod");
        for (String secret : SECRETS) {
            assertThat(printed).doesNotContain(secret);
        }
    }

    @Test
    void typesThatHoldCredentialsNeverPrintThem() {
        var credentials = Credentials.of(Map.of("api_key", INSIGHTLY_KEY, "password", PL_PASSWORD));
        var configuration = new ServiceConfiguration(List.of(TOKEN), dev.unifiedcrm.application.Timeouts.DEFAULTS,
                java.util.Optional.empty(), List.of(new dev.unifiedcrm.domain.IntegratedAccount(
                        dev.unifiedcrm.domain.IntegratedAccountId.parse(INSIGHTLY).orElseThrow(), new dev.unifiedcrm.domain.Integration("insightly"),
                        Map.of(), java.util.Optional.empty(), dev.unifiedcrm.domain.Pacing.providerDefault(), credentials)));

        String printed = credentials + " " + configuration + " " + configuration.accounts() + " " + new BearerTokens(List.of(TOKEN));

        assertThat(credentials).hasToString("***");
        for (String secret : SECRETS) {
            assertThat(printed).doesNotContain(secret);
        }
    }

    private void record(HttpResponse<String> response) {
        seen.append(response.statusCode()).append('\n').append(response.headers().map()).append('\n').append(response.body()).append('\n');
    }

    private void record(RawHttp.Answer answer) {
        seen.append(answer.status()).append('\n').append(answer.headers()).append('\n').append(answer.body()).append('\n');
    }

    private String logText() {
        var text = new StringBuilder();
        for (ILoggingEvent event : List.copyOf(logs.list)) {
            text.append(event.getFormattedMessage()).append('\n');
            if (event.getThrowableProxy() != null) {
                text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
            }
        }
        synchronized (julLogs) {
            for (LogRecord record : julLogs) {
                text.append(record.getMessage()).append('\n');
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    text.append(t).append('\n');
                }
            }
        }
        return text.toString();
    }
}
