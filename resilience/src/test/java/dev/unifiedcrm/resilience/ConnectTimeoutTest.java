package dev.unifiedcrm.resilience;

import dev.unifiedcrm.adapters.insightly.InsightlyAdapterProvider;
import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadEvent;
import dev.unifiedcrm.application.DeleteLeadListener;
import dev.unifiedcrm.application.DeleteLeadService;
import dev.unifiedcrm.application.ResponseBody;
import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.application.UnifiedAnswers;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.unifiedcrm.application.DeleteLeadEvent.AttemptOutcome.ANSWERED;
import static dev.unifiedcrm.application.DeleteLeadEvent.AttemptOutcome.TIMEOUT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The connect timeout over a real network stack, through the real Insightly adapter: the provider's
 * address is a loopback listener whose accept queue is full and which never accepts, so the
 * kernel drops the client's SYNs and a connect stalls until {@code connect_ms} (checked, not
 * assumed: the test first proves a connect really stalls there).
 */
class ConnectTimeoutTest {

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final Duration CONNECT = Duration.ofMillis(300);
    private static final Timeouts TIMEOUTS = new Timeouts(CONNECT, Duration.ofSeconds(3), Duration.ofSeconds(10));

    private final List<DeleteLeadEvent> events = new CopyOnWriteArrayList<>();
    private final List<Socket> backlog = new CopyOnWriteArrayList<>();
    private final List<String> requestsReceived = new CopyOnWriteArrayList<>();
    private ServerSocket provider;

    @BeforeEach
    void fillTheProvidersAcceptQueue() throws IOException {
        provider = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        for (int i = 0; i < 32; i++) {
            var socket = new Socket();
            try {
                socket.connect(provider.getLocalSocketAddress(), 200);
                backlog.add(socket);
            } catch (SocketTimeoutException stalled) {
                socket.close();
                return;
            }
        }
        assumeTrue(false, "connects to a loopback listener with a full accept queue do not stall on this system");
    }

    @AfterEach
    void closeAll() throws IOException {
        provider.close();
        for (Socket socket : backlog) {
            socket.close();
        }
    }

    @Test
    void aProviderThatAcceptsNoConnectionIsTriedThreeTimesThenAGatewayTimeout() {
        long start = System.nanoTime();
        ApiResponse response = UnifiedAnswers.answer(service(events::add), DeleteLeadCommand.of(ACCOUNT, "42"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(response.status()).isEqualTo(504);
        assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
        assertThat((String) tree(response).get("message")).contains("could not open a connection", "was not sent");
        assertThat(attemptOutcomes()).containsExactly(TIMEOUT, TIMEOUT, TIMEOUT);
        // Each attempt waited for its connection until connect_ms, not attempt_ms or request_ms.
        assertThat(took).isGreaterThanOrEqualTo(CONNECT.multipliedBy(3)).isLessThan(TIMEOUTS.attempt());
    }

    @Test
    void aConnectThatTimedOutCountsAsNotSentSoALater404IsTheAnswer() throws IOException {
        // Once the first attempt has given up, the provider starts accepting and answers every delete 404.
        ApiResponse response = UnifiedAnswers.answer(service(event -> {
            events.add(event);
            if (event instanceof DeleteLeadEvent.AttemptFinished) {
                answerEveryRequestWith404();
            }
        }), DeleteLeadCommand.of(ACCOUNT, "42"));

        assertThat(attemptOutcomes()).containsExactly(TIMEOUT, ANSWERED);
        assertThat(requestsReceived).containsExactly("DELETE /v3.1/Leads/42 HTTP/1.1");
        // Had the first attempt been counted as maybe sent, this 404 would be a success, already_deleted.
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.headers()).doesNotContainKey("x-delete-outcome");
        assertThat(tree(response)).containsEntry("truto_is_remote_error", true);
    }

    // ---- helpers ----

    private DeleteLeadService service(DeleteLeadListener listener) {
        URI baseUrl = URI.create("http://127.0.0.1:" + provider.getLocalPort() + "/v3.1");
        var account = new IntegratedAccount(ACCOUNT, new Integration("insightly"), Map.of(), Optional.of(baseUrl), Pacing.unpaced(),
                Credentials.of(Map.of("api_key", "connect-timeout-key")));
        var settings = new AdapterSettings(TIMEOUTS.connect(), "unified-crm/test", AdapterSettings.ONE_MIB);
        return ReliableDeleteLeadService.builder(AccountDirectory.of(List.of(account)),
                        CrmAdapters.of(settings, List.of(new InsightlyAdapterProvider())))
                .timeouts(TIMEOUTS)
                .listener(listener)
                .build();
    }

    private List<DeleteLeadEvent.AttemptOutcome> attemptOutcomes() {
        return events.stream().filter(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .map(event -> ((DeleteLeadEvent.AttemptFinished) event).outcome()).toList();
    }

    private void answerEveryRequestWith404() {
        daemon(() -> {
            try {
                while (!provider.isClosed()) {
                    Socket connection = provider.accept();
                    backlog.add(connection);
                    daemon(() -> answer404(connection));
                }
            } catch (IOException closed) {
                // the test is over
            }
        });
    }

    private static void daemon(Runnable work) {
        var thread = new Thread(work, "provider");
        thread.setDaemon(true);
        thread.start();
    }

    /** Reads one request head and answers 404; the sockets that only filled the queue never send one. */
    private void answer404(Socket connection) {
        try (connection) {
            InputStream in = connection.getInputStream();
            var head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            requestsReceived.add(head.toString(StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
            byte[] body = "{\"Message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8);
            OutputStream out = connection.getOutputStream();
            out.write(("HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException ignored) {
            // a filler socket closed by the test
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(ApiResponse response) {
        return (Map<String, Object>) ((ResponseBody.Json) response.body()).tree();
    }
}
