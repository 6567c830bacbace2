package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.sandbox.DemoAccount;
import dev.unifiedcrm.sandbox.ProviderSimulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code --sandbox}: the built-in simulators of the CRMs on loopback, one demo account per
 * integration, a fresh API token, and a banner with {@code curl} commands that work when pasted.
 */
final class SandboxMode implements AutoCloseable {

    /** The simulators always listen on loopback, whatever address the service itself uses. */
    private static final String SIMULATOR_HOST = "127.0.0.1";
    /** The monday simulator's one item outside the demo account's Leads board. */
    private static final String MONDAY_OTHER_BOARD_ITEM = "18273397000";

    private final ProviderSimulators simulators;
    private final String token;
    private final ServiceConfiguration configuration;

    private SandboxMode(ProviderSimulators simulators, String token) {
        this.simulators = simulators;
        this.token = token;
        var accounts = new ArrayList<IntegratedAccount>();
        for (DemoAccount demo : simulators.demoAccounts()) {
            accounts.add(new IntegratedAccount(
                    IntegratedAccountId.parse(demo.accountId()).orElseThrow(),
                    new Integration(demo.integration()),
                    demo.context(),
                    Optional.of(demo.baseUrl()),
                    Pacing.providerDefault(),
                    Credentials.of(demo.credentials()),
                    demo.tokenUrl()));
        }
        this.configuration = new ServiceConfiguration(List.of(token), Timeouts.DEFAULTS, Optional.empty(), accounts);
    }

    static SandboxMode start() {
        return new SandboxMode(ProviderSimulators.start(SIMULATOR_HOST), freshToken());
    }

    ServiceConfiguration configuration() {
        return configuration;
    }

    /**
     * Writes the configuration file that describes this sandbox: its token, and one account per
     * simulated CRM with the simulator as {@code base_url} and the demo credentials. Readable by its
     * owner only where the file system allows: it holds the (demo) secrets.
     */
    void writeConfiguration(Path file) throws IOException {
        var accounts = new ArrayList<Map<String, Object>>();
        for (DemoAccount demo : simulators.demoAccounts()) {
            var account = new LinkedHashMap<String, Object>();
            account.put("id", demo.accountId());
            account.put("integration", demo.integration());
            if (!demo.context().isEmpty()) {
                account.put("context", demo.context());
            }
            account.put("base_url", demo.baseUrl().toString());
            demo.tokenUrl().ifPresent(url -> account.put("token_url", url.toString()));
            account.put("credentials", demo.credentials());
            accounts.add(account);
        }
        var root = new LinkedHashMap<String, Object>();
        root.put("api_tokens", List.of(token));
        root.put("accounts", accounts);
        String json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root);
        Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /**
     * @param address the service's address as printed in {@code listening on}; a wildcard host is
     *                replaced by loopback so the commands work when pasted on this machine
     */
    String banner(String address, Optional<Path> writtenConfiguration) {
        String base = address.replace("://0.0.0.0:", "://127.0.0.1:").replace("://[::]:", "://[::1]:");
        List<DemoAccount> demo = simulators.demoAccounts();
        var text = new StringBuilder();
        text.append("unified-crm sandbox: simulated Insightly, Pipeliner, Zendesk Sell, Nutshell, monday CRM, Zoho CRM, HubSpot,"
                + " Pipedrive, Salesforce and Dynamics 365 Sales, seeded with leads\n\n");
        text.append("API token (fresh for this run):\n  ").append(token).append("\n\n");
        text.append("Integrated accounts:\n");
        for (DemoAccount account : demo) {
            text.append(String.format("  %-18s %s  leads: %s%n", account.integration(), account.accountId(),
                    String.join(", ", account.seededLeadIds())));
        }
        text.append("\nTry it (paste into another terminal):\n\n");
        DemoAccount insightly = find(demo, "insightly");
        DemoAccount pipeliner = find(demo, "pipeliner");
        DemoAccount sell = find(demo, "zendesk_sell");
        DemoAccount nutshell = find(demo, "nutshell");
        DemoAccount zoho = find(demo, "zoho_crm");
        DemoAccount hubspot = find(demo, "hubspot");
        DemoAccount pipedrive = find(demo, "pipedrive");
        String firstInsightlyLead = insightly.seededLeadIds().get(0);
        command(text, "Delete a lead in Insightly (unified answer):",
                base, insightly, firstInsightlyLead, "");
        command(text, "Delete a lead in Pipeliner, answered in the normalized shape with the lead as it was:",
                base, pipeliner, pipeliner.seededLeadIds().get(0), "&truto_response_format=normalized&return_deleted_lead=true");
        command(text, "Delete a lead in Zendesk Sell:",
                base, sell, sell.seededLeadIds().get(0), "");
        command(text, "Delete a lead in Zendesk Sell and get the provider's own answer (raw: its 204, no body):",
                base, sell, sell.seededLeadIds().get(sell.seededLeadIds().size() > 1 ? 1 : 0), "&truto_response_format=raw");
        command(text, "Delete a lead in Nutshell by its bare number (sent as <n>-leads; Nutshell answers with the lead):",
                base, nutshell, bareNumber(nutshell.seededLeadIds().get(0)), "");
        DemoAccount monday = find(demo, "monday_crm");
        command(text, "Delete a lead in monday CRM (an item of the demo account's Leads board; the board is checked first):",
                base, monday, monday.seededLeadIds().get(0), "");
        command(text, "Delete a lead in Zoho CRM without firing its workflow rules (remote_query[wf_trigger]=false):",
                base, zoho, zoho.seededLeadIds().get(0), "&remote_query%5Bwf_trigger%5D=false");
        command(text, "Delete a lead in HubSpot (its Leads object), answered with the lead as it was:",
                base, hubspot, hubspot.seededLeadIds().get(0), "&return_deleted_lead=true");
        command(text, "Delete a lead in Pipedrive:",
                base, pipedrive, pipedrive.seededLeadIds().get(0), "");
        DemoAccount salesforce = find(demo, "salesforce");
        command(text, "Delete a lead in Salesforce, with the lead as it was (Salesforce moves it to its Recycle Bin):",
                base, salesforce, salesforce.seededLeadIds().get(0), "&return_deleted_lead=true");
        DemoAccount dynamics = find(demo, "dynamics_365_sales");
        command(text, "Delete a lead in Dynamics 365 Sales:",
                base, dynamics, dynamics.seededLeadIds().get(0), "");
        command(text, "An error: an item of another monday board is never deleted (404, remote):",
                base, monday, MONDAY_OTHER_BOARD_ITEM, "");
        command(text, "An error: delete the first Insightly lead again (the provider answers 404):",
                base, insightly, firstInsightlyLead, "");
        command(text, "Another error: a lead id that is not in Insightly's format (400):",
                base, insightly, "not-a-number", "");
        if (writtenConfiguration.isPresent()) {
            text.append("The same token and accounts as a configuration file: ").append(writtenConfiguration.get())
                    .append("\nStart another service with it while this one runs:\n  java -jar api-http/target/api-http.jar")
                    .append(" --config ").append(writtenConfiguration.get()).append(" --port 0\n");
        } else {
            text.append("Add --write-config FILE to also get these accounts as a configuration file for --config.\n");
        }
        text.append("\n");
        return text.toString();
    }

    private void command(StringBuilder text, String title, String base, DemoAccount account, String leadId,
                         String extraQuery) {
        text.append("# ").append(title).append('\n');
        text.append("curl -s -i -X DELETE -H 'Authorization: Bearer ").append(token).append("' \\\n  '")
                .append(base).append("/unified/crm/leads/").append(leadId)
                .append("?integrated_account_id=").append(account.accountId()).append(extraQuery).append("'\n\n");
    }

    /** {@code 1001} of {@code 1001-leads}: Nutshell's ids are also accepted without their type suffix. */
    private static String bareNumber(String apiId) {
        return apiId.substring(0, apiId.indexOf('-'));
    }

    private static DemoAccount find(List<DemoAccount> accounts, String integration) {
        return accounts.stream().filter(account -> account.integration().equals(integration)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the sandbox has no " + integration + " account"));
    }

    private static String freshToken() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void close() {
        simulators.close();
    }
}
