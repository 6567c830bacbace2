package dev.unifiedcrm.sandbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built-in simulators of Insightly, Pipeliner, Zendesk Sell, Nutshell, monday CRM, Zoho CRM, HubSpot, Pipedrive,
 * Salesforce and Dynamics 365 Sales on loopback, seeded with leads. One HTTP server on a free port serves them all,
 * each below its own prefix ({@code /insightly/v3.1}, {@code /pipeliner/api/v100/rest/spaces/sandbox},
 * {@code /zendesk_sell/v2}, {@code /nutshell/rest}, {@code /monday_crm/...}, {@code /zoho_crm/crm/v8} with Zoho's
 * token endpoint at {@code /zoho_crm/oauth/v2/token}, {@code /hubspot} with HubSpot's token endpoint at
 * {@code /hubspot/oauth/2026-03/token}, {@code /pipedrive/api/v1},
 * {@code /salesforce/services/data/v64.0} with Salesforce's token endpoint at {@code /salesforce/services/oauth2/token},
 * {@code /dynamics_365_sales/api/data/v9.2}); a demo account's
 * {@code baseUrl} is its API root. Thread-safe; the state (deleted leads, Insightly's quota) lives as long as the
 * instance.
 */
public final class ProviderSimulators implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderSimulators.class);

    private static final String INSIGHTLY_MOUNT = "/insightly";
    private static final String PIPELINER_MOUNT = "/pipeliner";
    private static final String ZENDESK_SELL_MOUNT = "/zendesk_sell";
    private static final String NUTSHELL_MOUNT = "/nutshell";
    private static final String MONDAY_CRM_MOUNT = "/monday_crm";
    private static final String ZOHO_CRM_MOUNT = "/zoho_crm";
    private static final String HUBSPOT_MOUNT = "/hubspot";
    private static final String PIPEDRIVE_MOUNT = "/pipedrive";
    private static final String SALESFORCE_MOUNT = "/salesforce";
    private static final String DYNAMICS_365_SALES_MOUNT = "/dynamics_365_sales";

    private final SimulatorServer server;
    private final List<DemoAccount> demoAccounts;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ProviderSimulators(SimulatorServer server, List<DemoAccount> demoAccounts) {
        this.server = server;
        this.demoAccounts = List.copyOf(demoAccounts);
    }

    /**
     * Starts the simulators on a free port of {@code host} (a loopback address, e.g. "127.0.0.1").
     *
     * @throws IllegalArgumentException if {@code host} is not a loopback address
     * @throws IllegalStateException if the server cannot start
     */
    public static ProviderSimulators start(String host) {
        String address = loopbackLiteral(host);
        RandomValues random = new RandomValues(new SecureRandom());
        SimulatorServer server = null;
        try {
            InsightlySimulator insightly = new InsightlySimulator(random.uuid(), InsightlySimulator.DAILY_QUOTA);
            PipelinerSimulator pipeliner = new PipelinerSimulator(
                    "sandbox_" + random.hex(6), random.hex(24), Clock.systemUTC());
            ZendeskSellSimulator sell = new ZendeskSellSimulator(random.hex(32), random, Clock.systemUTC());
            NutshellSimulator nutshell = new NutshellSimulator("demo+" + random.hex(4) + "@sandbox.example", random.hex(20));
            MondayCrmSimulator monday = new MondayCrmSimulator(random.hex(40), random);
            ZohoCrmSimulator zoho = new ZohoCrmSimulator("1000." + random.hex(16).toUpperCase(java.util.Locale.ROOT),
                    random.hex(21), "1000." + random.hex(16) + "." + random.hex(16), random, Clock.systemUTC());
            HubSpotSimulator hubspot = new HubSpotSimulator(random, Clock.systemUTC());
            PipedriveSimulator pipedrive = new PipedriveSimulator(random.hex(40), random, Clock.systemUTC());
            SalesforceSimulator salesforce = new SalesforceSimulator(SALESFORCE_MOUNT,
                    "3MVG9" + random.hex(20), random.hex(32), random, Clock.systemUTC());
            Dynamics365SalesSimulator dynamics = new Dynamics365SalesSimulator(random.uuid(), random.uuid(),
                    random.hex(20), random, Clock.systemUTC());

            Map<String, ProviderSimulator> mounts = new LinkedHashMap<>();
            mounts.put(INSIGHTLY_MOUNT, insightly);
            mounts.put(PIPELINER_MOUNT, pipeliner);
            mounts.put(ZENDESK_SELL_MOUNT, sell);
            mounts.put(NUTSHELL_MOUNT, nutshell);
            mounts.put(MONDAY_CRM_MOUNT, monday);
            mounts.put(ZOHO_CRM_MOUNT, zoho);
            mounts.put(HUBSPOT_MOUNT, hubspot);
            mounts.put(PIPEDRIVE_MOUNT, pipedrive);
            mounts.put(SALESFORCE_MOUNT, salesforce);
            mounts.put(DYNAMICS_365_SALES_MOUNT, dynamics);
            server = SimulatorServer.start(address, mounts);
            zoho.apiDomain(server.uri(ZOHO_CRM_MOUNT));

            List<DemoAccount> accounts = List.of(
                    new DemoAccount("insightly", random.uuid(),
                            server.uri(INSIGHTLY_MOUNT + InsightlySimulator.ROOT),
                            Map.of("pod", InsightlySimulator.POD), insightly.credentials(),
                            insightly.seededLeadIds()),
                    new DemoAccount("pipeliner", random.uuid(),
                            server.uri(PIPELINER_MOUNT + PipelinerSimulator.ROOT),
                            Map.of("space_id", PipelinerSimulator.SPACE_ID), pipeliner.credentials(),
                            pipeliner.seededLeadIds()),
                    new DemoAccount("zendesk_sell", random.uuid(),
                            server.uri(ZENDESK_SELL_MOUNT + ZendeskSellSimulator.ROOT),
                            Map.of(), sell.oauthCredentials(), sell.seededLeadIds(),
                            Optional.of(server.uri(ZENDESK_SELL_MOUNT + ZendeskSellSimulator.TOKEN_PATH))),
                    new DemoAccount("nutshell", random.uuid(),
                            server.uri(NUTSHELL_MOUNT + NutshellSimulator.ROOT),
                            Map.of(), nutshell.credentials(), nutshell.seededLeadIds()),
                    new DemoAccount("monday_crm", random.uuid(),
                            server.uri(MONDAY_CRM_MOUNT + MondayCrmSimulator.ROOT),
                            Map.of("board_id", MondayCrmSimulator.LEADS_BOARD, "columns", Map.of("owner", "person")),
                            monday.credentials(), monday.seededLeadIds()),
                    new DemoAccount("zoho_crm", random.uuid(),
                            server.uri(ZOHO_CRM_MOUNT + ZohoCrmSimulator.API_ROOT),
                            Map.of(), zoho.credentials(), zoho.seededLeadIds(),
                            Optional.of(server.uri(ZOHO_CRM_MOUNT + ZohoCrmSimulator.TOKEN_PATH))),
                    // The refresh set, so that every sandbox run of HubSpot goes through its token endpoint.
                    new DemoAccount("hubspot", random.uuid(),
                            server.uri(HUBSPOT_MOUNT + HubSpotSimulator.ROOT),
                            Map.of("custom_properties", "budget_eur,trade_show_name"), hubspot.credentials(),
                            hubspot.seededLeadIds(), Optional.of(server.uri(HUBSPOT_MOUNT
                                    + HubSpotSimulator.tokenPath(HubSpotSimulator.DEMO_API_VERSION)))),
                    new DemoAccount("pipedrive", random.uuid(),
                            server.uri(PIPEDRIVE_MOUNT + PipedriveSimulator.ROOT),
                            Map.of("company_domain", "sandbox"), pipedrive.credentials(), pipedrive.seededLeadIds()),
                    new DemoAccount("salesforce", random.uuid(),
                            server.uri(SALESFORCE_MOUNT + SalesforceSimulator.ROOT),
                            Map.of(), salesforce.credentials(), salesforce.seededLeadIds(),
                            Optional.of(server.uri(SALESFORCE_MOUNT + SalesforceSimulator.TOKEN_PATH))),
                    // Entra ID client credentials: the scope the adapter derives from base_url is the simulator's origin.
                    new DemoAccount("dynamics_365_sales", random.uuid(),
                            server.uri(DYNAMICS_365_SALES_MOUNT + Dynamics365SalesSimulator.ROOT),
                            Map.of(), dynamics.credentials(), dynamics.seededLeadIds(),
                            Optional.of(server.uri(DYNAMICS_365_SALES_MOUNT + dynamics.tokenPath()))));
            LOG.info("Sandbox simulators started: {}", accounts.stream()
                    .map(account -> account.integration() + " " + account.baseUrl()).collect(Collectors.joining(", ")));
            return new ProviderSimulators(server, accounts);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e instanceof IllegalStateException ? e : new IllegalStateException("cannot start the sandbox", e);
        }
    }

    /**
     * One demo account per integration, in the order insightly, pipeliner, zendesk_sell, nutshell, monday_crm, zoho_crm,
     * hubspot, pipedrive, salesforce, dynamics_365_sales.
     */
    public List<DemoAccount> demoAccounts() {
        return demoAccounts;
    }

    /** Stops every simulator. Calling it again does nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.close();
        }
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
