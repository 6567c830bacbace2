package dev.unifiedcrm.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Built-in simulators of Insightly, Pipeliner and Zendesk Sell on loopback, seeded with leads. */
public final class ProviderSimulators implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulators.class);

    private final List<SimulatorServer> servers;
    private final List<DemoAccount> demoAccounts;

    private ProviderSimulators(List<SimulatorServer> servers, List<DemoAccount> demoAccounts) {
        this.servers = List.copyOf(servers);
        this.demoAccounts = List.copyOf(demoAccounts);
    }

    /**
     * Starts the three simulators on free ports of {@code host} (a loopback address, e.g. "127.0.0.1").
     *
     * @throws IllegalArgumentException if {@code host} is not a loopback address
     * @throws IllegalStateException if a server cannot start (whatever had started is stopped again)
     */
    public static ProviderSimulators start(String host) {
        String address = loopbackLiteral(host);
        RandomValues random = new RandomValues(new SecureRandom());
        List<SimulatorServer> servers = new ArrayList<>();
        try {
            InsightlySimulator insightly = new InsightlySimulator(random.uuid());
            PipelinerSimulator pipeliner = new PipelinerSimulator(
                    "sandbox_" + random.hex(6), random.hex(24), Clock.systemUTC());
            ZendeskSellSimulator sell = new ZendeskSellSimulator(random.hex(32), random);

            SimulatorServer insightlyServer = started(servers, SimulatorServer.start(address, "insightly", insightly));
            SimulatorServer pipelinerServer = started(servers, SimulatorServer.start(address, "pipeliner", pipeliner));
            SimulatorServer sellServer = started(servers, SimulatorServer.start(address, "zendesk_sell", sell));

            List<DemoAccount> accounts = List.of(
                    new DemoAccount("insightly", random.uuid(), insightlyServer.uri(InsightlySimulator.ROOT),
                            Map.of("pod", InsightlySimulator.POD), insightly.credentials(),
                            insightly.seededLeadIds()),
                    new DemoAccount("pipeliner", random.uuid(), pipelinerServer.uri(PipelinerSimulator.ROOT),
                            Map.of("space_id", PipelinerSimulator.SPACE_ID), pipeliner.credentials(),
                            pipeliner.seededLeadIds()),
                    new DemoAccount("zendesk_sell", random.uuid(), sellServer.uri(ZendeskSellSimulator.ROOT),
                            Map.of(), sell.credentials(), sell.seededLeadIds()));
            LOG.info("Sandbox simulators started: insightly {}, pipeliner {}, zendesk_sell {}",
                    accounts.get(0).baseUrl(), accounts.get(1).baseUrl(), accounts.get(2).baseUrl());
            return new ProviderSimulators(servers, accounts);
        } catch (RuntimeException e) {
            servers.forEach(SimulatorServer::close);
            throw e instanceof IllegalStateException ? e : new IllegalStateException("cannot start the sandbox", e);
        }
    }

    /** One demo account per integration, in the order insightly, pipeliner, zendesk_sell. */
    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    /** Stops every simulator. */
    @Override
    public void close() {
        servers.forEach(SimulatorServer::close);
    }

    private static SimulatorServer started(List<SimulatorServer> servers, SimulatorServer server) {
        servers.add(server);
        return server;
    }

    /** The host without IPv6 brackets, once it is known to be a loopback address. */
    private static String loopbackLiteral(String host) {
        Objects.requireNonNull(host, "host");
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        try {
            if (!InetAddress.getByName(literal).isLoopbackAddress()) {
                throw new IllegalArgumentException("host must be a loopback address: " + host);
            }
            return literal;
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host must be a loopback address: " + host, e);
        }
    }
}
