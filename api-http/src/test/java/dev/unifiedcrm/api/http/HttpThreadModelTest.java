package dev.unifiedcrm.api.http;

import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The {@code unifiedcrm.http.*} system properties: defaults, parsing, refusals, and the server they build. */
class HttpThreadModelTest {

    static HttpThreadModel from(Map<String, String> properties) throws HttpThreadModel.InvalidSettingException {
        return HttpThreadModel.from(properties::get);
    }

    @Test
    void withNoPropertyTheServerKeepsJavalinsPoolAndJettysDefaults() throws Exception {
        HttpThreadModel model = from(Map.of());

        assertThat(model).isEqualTo(HttpThreadModel.DEFAULTS);
        assertThat(model.isDefault()).isTrue();
        assertThat(model.maxThreads()).isEqualTo(250);
        assertThat(model.minThreads()).isEqualTo(8);
        assertThat(model.queue()).isEmpty();
        assertThat(model.reservedThreads()).isEqualTo(-1);
        assertThat(model.acceptors()).isEqualTo(-1);
        assertThat(model.selectors()).isEqualTo(-1);
    }

    @Test
    void readsEveryProperty() throws Exception {
        HttpThreadModel model = from(Map.of(
                "unifiedcrm.http.threads.max", "32",
                "unifiedcrm.http.threads.min", " 16 ",
                "unifiedcrm.http.queue", "64",
                "unifiedcrm.http.threads.reserved", "0",
                "unifiedcrm.http.acceptors", "2",
                "unifiedcrm.http.selectors", "3"));

        assertThat(model).isEqualTo(new HttpThreadModel(32, 16, OptionalInt.of(64), 0, 2, 3));
        assertThat(model.isDefault()).isFalse();
        assertThat(model.describe()).isEqualTo("threads 16 to 32, queue 64, reserved threads 0, acceptors 2, selectors 3");
    }

    @Test
    void aPoolSmallerThanTheDefaultMinimumKeepsAllItsThreads() throws Exception {
        assertThat(from(Map.of("unifiedcrm.http.threads.max", "4")).minThreads()).isEqualTo(4);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "unifiedcrm.http.threads.max      | many  | 1 to 10000, default 250",
        "unifiedcrm.http.threads.max      | 0     | 1 to 10000, default 250",
        "unifiedcrm.http.threads.max      | 10001 | 1 to 10000, default 250",
        "unifiedcrm.http.threads.max      | 99999999999 | 1 to 10000, default 250",
        "unifiedcrm.http.threads.min      | 251   | 1 to unifiedcrm.http.threads.max (250), default 8",
        "unifiedcrm.http.threads.min      | 1.5   | 1 to unifiedcrm.http.threads.max (250), default 8",
        "unifiedcrm.http.queue            | 0     | a whole number of requests from 1, default no bound",
        "unifiedcrm.http.queue            | ''    | a whole number of requests from 1, default no bound",
        "unifiedcrm.http.threads.reserved | -2    | -1 (Jetty decides, the default), 0 (always hand off) or up to unifiedcrm.http.threads.max (250)",
        "unifiedcrm.http.acceptors        | 65    | -1 (Jetty decides, the default), 0 (the selectors accept) or 1 to 64",
        "unifiedcrm.http.selectors        | 0     | -1 (Jetty decides, the default) or 1 to 64",
    })
    void aBadValueIsRefusedNamingThePropertyTheValueAndWhatIsAccepted(String property, String value, String accepted) {
        assertThatThrownBy(() -> from(Map.of(property, value)))
                .isInstanceOf(HttpThreadModel.InvalidSettingException.class)
                .hasMessage("invalid system property " + property + ": '" + value + "'; accepted: " + accepted);
    }

    @Test
    void theMinimumIsCheckedAgainstTheMaximumGiven() {
        assertThatThrownBy(() -> from(Map.of("unifiedcrm.http.threads.max", "8", "unifiedcrm.http.threads.min", "9")))
                .hasMessage("invalid system property unifiedcrm.http.threads.min: '9'; accepted:"
                        + " 1 to unifiedcrm.http.threads.max (8), default 8");
    }

    @Test
    void aBoundedQueueHoldsNoMoreThanItsBound() {
        var model = new HttpThreadModel(16, 8, OptionalInt.of(64), -1, -1, -1);

        assertThat(model.jobQueue().getMaxCapacity()).isEqualTo(64);
        assertThat(HttpThreadModel.DEFAULTS.jobQueue().getMaxCapacity()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void theServiceRunsOnThePoolAndConnectorItDescribes() throws Exception {
        var model = new HttpThreadModel(24, 12, OptionalInt.of(100), 2, 2, 3);
        var service = new HttpService(command -> {
            throw new AssertionError("no delete in this test");
        }, new BearerTokens(java.util.List.of("t")), new byte[0]).start("127.0.0.1", 0, model);
        try {
            Server server = service.server();
            var pool = (QueuedThreadPool) server.getThreadPool();
            assertThat(pool.getName()).isEqualTo("JettyServerThreadPool");
            assertThat(pool.getMaxThreads()).isEqualTo(24);
            assertThat(pool.getMinThreads()).isEqualTo(12);
            assertThat(pool.getReservedThreads()).isEqualTo(2);
            assertThat(server.getConnectors()).hasSize(1);
            var connector = (ServerConnector) server.getConnectors()[0];
            assertThat(connector.getAcceptors()).isEqualTo(2);
            assertThat(connector.getSelectorManager().getSelectorCount()).isEqualTo(3);
            assertThat(connector.getHost()).isEqualTo("127.0.0.1");
            assertThat(service.port()).isPositive().isEqualTo(connector.getLocalPort());
        } finally {
            service.stop(Duration.ofSeconds(1));
        }
    }
}
