package dev.unifiedcrm.sandbox;

import static dev.unifiedcrm.sandbox.SandboxHttp.basic;
import static dev.unifiedcrm.sandbox.SandboxHttp.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProviderSimulatorsTest {

    private static final Pattern LOWER_CASE_UUID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    @Test
    void demoAccountsFollowTheApi() {
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            List<DemoAccount> accounts = simulators.demoAccounts();

            assertThat(accounts).extracting(DemoAccount::integration)
                    .containsExactly("insightly", "pipeliner", "zendesk_sell", "nutshell", "monday_crm", "zoho_crm", "hubspot",
                            "pipedrive", "salesforce", "dynamics_365_sales");
            assertThat(accounts).allSatisfy(account -> {
                assertThat(account.accountId()).matches(LOWER_CASE_UUID);
                assertThat(account.baseUrl().getScheme()).isEqualTo("http");
                assertThat(account.baseUrl().getHost()).isEqualTo("127.0.0.1");
                assertThat(account.seededLeadIds()).hasSizeBetween(4, 6).doesNotHaveDuplicates();
                if (!account.integration().equals("hubspot")) {
                    assertThat(account.credentials().values()).allSatisfy(value -> assertThat(value).hasSizeGreaterThan(15));
                }
            });
            assertThat(accounts).extracting(DemoAccount::accountId).doesNotHaveDuplicates();

            DemoAccount insightly = accounts.get(0);
            assertThat(insightly.baseUrl().getPath()).isEqualTo("/insightly/v3.1");
            assertThat(insightly.context()).isEqualTo(Map.of("pod", "sandbox"));
            assertThat(insightly.credentials()).containsOnlyKeys("api_key");
            assertThat(insightly.seededLeadIds()).first().isEqualTo("71234567");

            DemoAccount pipeliner = accounts.get(1);
            assertThat(pipeliner.baseUrl().getPath()).isEqualTo("/pipeliner/api/v100/rest/spaces/sandbox");
            assertThat(pipeliner.context()).isEqualTo(Map.of("space_id", "sandbox"));
            assertThat(pipeliner.credentials()).containsOnlyKeys("username", "password");
            assertThat(pipeliner.seededLeadIds()).first().isEqualTo("8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90");

            DemoAccount sell = accounts.get(2);
            assertThat(sell.baseUrl().getPath()).isEqualTo("/zendesk_sell/v2");
            assertThat(sell.context()).isEmpty();
            assertThat(sell.credentials()).containsOnlyKeys("client_id", "client_secret", "refresh_token");
            assertThat(sell.tokenUrl()).hasValueSatisfying(url -> assertThat(url.getPath()).isEqualTo("/zendesk_sell/oauth2/token"));
            assertThat(accounts.get(0).tokenUrl()).isEmpty();
            assertThat(sell.seededLeadIds()).first().isEqualTo("1");

            DemoAccount nutshell = accounts.get(3);
            assertThat(nutshell.baseUrl().getPath()).isEqualTo("/nutshell/rest");
            assertThat(nutshell.context()).isEmpty();
            assertThat(nutshell.credentials()).containsOnlyKeys("username", "api_key");
            assertThat(nutshell.credentials().get("username")).matches("demo\\+[0-9a-f]{8}@sandbox\\.example");
            assertThat(nutshell.seededLeadIds()).containsExactly("1001-leads", "1002-leads", "1003-leads", "1004-leads", "1005-leads");
            DemoAccount monday = accounts.get(4);
            assertThat(monday.baseUrl().getPath()).isEqualTo("/monday_crm/v2");
            assertThat(monday.context()).isEqualTo(Map.of("board_id", "2001047343", "columns", Map.of("owner", "person")));
            assertThat(monday.credentials()).containsOnlyKeys("api_token");
            assertThat(monday.seededLeadIds()).containsExactly(
                    "18273395993", "18273396001", "18273396015", "18273396027", "18273396042");

            DemoAccount zoho = accounts.get(5);
            assertThat(zoho.baseUrl().getPath()).isEqualTo("/zoho_crm/crm/v8");
            assertThat(zoho.context()).isEmpty();
            assertThat(zoho.credentials()).containsOnlyKeys("client_id", "client_secret", "refresh_token");
            assertThat(zoho.tokenUrl()).hasValueSatisfying(url -> assertThat(url.getPath()).isEqualTo("/zoho_crm/oauth/v2/token"));
            assertThat(zoho.seededLeadIds()).first().isEqualTo("7328395000000691001");

            DemoAccount hubspot = accounts.get(6);
            assertThat(hubspot.baseUrl().getPath()).isEqualTo("/hubspot");
            assertThat(hubspot.context()).isEqualTo(Map.of("custom_properties", "budget_eur,trade_show_name"));
            // HubSpot's simulator has one fixed, public OAuth client, like a vendor's test app.
            assertThat(hubspot.credentials()).containsExactly(Map.entry("client_id", "sandbox-client"),
                    Map.entry("client_secret", "sandbox-secret"), Map.entry("refresh_token", "sandbox-refresh-token"));
            assertThat(hubspot.tokenUrl()).hasValueSatisfying(url -> assertThat(url.getPath()).isEqualTo("/hubspot/oauth/2026-03/token"));
            assertThat(hubspot.seededLeadIds()).containsExactly(
                    "38475629104", "38475629105", "38475629106", "38475629107", "38475629108");

            DemoAccount pipedrive = accounts.get(7);
            assertThat(pipedrive.baseUrl().getPath()).isEqualTo("/pipedrive/api/v1");
            assertThat(pipedrive.context()).isEqualTo(Map.of("company_domain", "sandbox"));
            assertThat(pipedrive.credentials()).containsOnlyKeys("api_token");
            assertThat(pipedrive.seededLeadIds()).first().isEqualTo("adf21080-0e10-11eb-879b-05d71fb426ec");

            DemoAccount salesforce = accounts.get(8);
            assertThat(salesforce.baseUrl().getPath()).isEqualTo("/salesforce/services/data/v64.0");
            assertThat(salesforce.context()).isEmpty();
            assertThat(salesforce.credentials()).containsOnlyKeys("client_id", "client_secret");
            assertThat(salesforce.tokenUrl()).hasValueSatisfying(url ->
                    assertThat(url.getPath()).isEqualTo("/salesforce/services/oauth2/token"));
            assertThat(salesforce.seededLeadIds()).first().isEqualTo("00QHs00000Lk3pRMAR");

            DemoAccount dynamics = accounts.get(9);
            assertThat(dynamics.baseUrl().getPath()).isEqualTo("/dynamics_365_sales/api/data/v9.2");
            assertThat(dynamics.context()).isEmpty();
            assertThat(dynamics.credentials()).containsOnlyKeys("tenant_id", "client_id", "client_secret");
            assertThat(dynamics.tokenUrl()).hasValueSatisfying(url -> assertThat(url.getPath())
                    .isEqualTo("/dynamics_365_sales/" + dynamics.credentials().get("tenant_id") + "/oauth2/v2.0/token"));
            assertThat(dynamics.seededLeadIds()).first().isEqualTo("3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34");
        }
    }

    @Test
    void demoCredentialsOpenEverySeededLead() {
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            List<DemoAccount> accounts = simulators.demoAccounts();
            Map<String, String> credentials0 = accounts.get(0).credentials();
            Map<String, String> credentials1 = accounts.get(1).credentials();
            String[] insightly = {"Authorization", basic(credentials0.get("api_key"), "")};
            String[] pipeliner = {"Authorization", basic(credentials1.get("username"), credentials1.get("password"))};
            String[] sell = {"Authorization", "Bearer " + SandboxHttp.accessToken(accounts.get(2))};

            for (String id : accounts.get(0).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(0), "/Leads/", id), insightly).statusCode())
                        .as("insightly lead %s", id).isEqualTo(200);
            }
            for (String id : accounts.get(1).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(1), "/entities/Leads/", id), pipeliner)
                        .statusCode()).as("pipeliner lead %s", id).isEqualTo(200);
            }
            for (String id : accounts.get(2).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(2), "/leads/", id), sell).statusCode())
                        .as("zendesk_sell lead %s", id).isEqualTo(200);
            }
            Map<String, String> credentials3 = accounts.get(3).credentials();
            String[] nutshell = {"Authorization", basic(credentials3.get("username"), credentials3.get("api_key"))};
            for (String id : accounts.get(3).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(3), "/leads/", id), nutshell).statusCode())
                        .as("nutshell lead %s", id).isEqualTo(200);
            }
            String[] zoho = {"Authorization", "Zoho-oauthtoken " + zohoAccessToken(accounts.get(5))};
            for (String id : accounts.get(5).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(5), "/Leads/", id), zoho).statusCode())
                        .as("zoho_crm lead %s", id).isEqualTo(200);
            }
            Map<String, String> credentials6 = accounts.get(6).credentials();
            String hubspotToken = SandboxHttp.json(SandboxHttp.post(accounts.get(6).tokenUrl().orElseThrow(),
                    "grant_type=refresh_token&client_id=" + credentials6.get("client_id") + "&client_secret="
                            + credentials6.get("client_secret") + "&refresh_token=" + credentials6.get("refresh_token"),
                    "Content-Type", "application/x-www-form-urlencoded")).get("access_token").asText();
            String[] hubspot = {"Authorization", "Bearer " + hubspotToken};
            for (String id : accounts.get(6).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(6), "/crm/objects/2026-03/leads/", id), hubspot)
                        .statusCode()).as("hubspot lead %s", id).isEqualTo(200);
            }
            String[] pipedrive = {"x-api-token", accounts.get(7).credentials().get("api_token")};
            for (String id : accounts.get(7).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(7), "/leads/", id), pipedrive).statusCode())
                        .as("pipedrive lead %s", id).isEqualTo(200);
            }
            String[] salesforce = {"Authorization", "Bearer " + SandboxHttp.clientCredentialsToken(accounts.get(8))};
            for (String id : accounts.get(8).seededLeadIds()) {
                assertThat(send("GET", SandboxHttp.lead(accounts.get(8), "/sobjects/Lead/", id), salesforce).statusCode())
                        .as("salesforce lead %s", id).isEqualTo(200);
            }
            String[] dynamics = {"Authorization", "Bearer " + SandboxHttp.clientCredentialsToken(accounts.get(9))};
            for (String id : accounts.get(9).seededLeadIds()) {
                assertThat(send("GET", URI.create(accounts.get(9).baseUrl() + "/leads(" + id + ")"), dynamics).statusCode())
                        .as("dynamics_365_sales lead %s", id).isEqualTo(200);
            }
        }
    }

    @Test
    void everyStartHasFreshAccountIdsAndCredentials() {
        List<DemoAccount> first;
        List<DemoAccount> second;
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            first = simulators.demoAccounts();
        }
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            second = simulators.demoAccounts();
        }

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).accountId()).isNotEqualTo(first.get(i).accountId());
            if (first.get(i).integration().equals("hubspot")) {
                // HubSpot's simulator knows fixed, public sandbox credentials, like a vendor's test app.
                assertThat(second.get(i).credentials()).isEqualTo(first.get(i).credentials());
                continue;
            }
            for (String key : first.get(i).credentials().keySet()) {
                assertThat(second.get(i).credentials().get(key)).isNotEqualTo(first.get(i).credentials().get(key));
            }
            assertThat(second.get(i).seededLeadIds()).isEqualTo(first.get(i).seededLeadIds());
        }
    }

    @Test
    void closeFreesThePorts() throws IOException {
        List<URI> roots = new ArrayList<>();
        ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1");
        simulators.demoAccounts().forEach(account -> roots.add(account.baseUrl()));

        simulators.close();
        simulators.close();

        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        for (URI root : roots) {
            try (ServerSocket socket = new ServerSocket(root.getPort(), 50, loopback)) {
                assertThat(socket.getLocalPort()).isEqualTo(root.getPort());
            }
        }
    }

    @Test
    void pathsOutsideEverySimulatorAnswer404Json() {
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            URI root = simulators.demoAccounts().get(0).baseUrl().resolve("/");

            HttpResponse<String> response = send("GET", root.resolve("/acme_crm/leads/1"));

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(SandboxHttp.json(response).get("message").asText()).contains("/insightly");
        }
    }

    @Test
    void refusesAHostThatIsNotLoopback() {
        assertThatThrownBy(() -> ProviderSimulators.start("192.0.2.10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("loopback");
    }

    @Test
    void concurrentDeletesOfOneLeadSucceedExactlyOnce() throws Exception {
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            List<DemoAccount> accounts = simulators.demoAccounts();
            Map<String, String> pl = accounts.get(1).credentials();
            assertSingleSuccess(SandboxHttp.lead(accounts.get(0), "/Leads/", accounts.get(0).seededLeadIds().get(1)),
                    basic(accounts.get(0).credentials().get("api_key"), ""), 202);
            assertSingleSuccess(SandboxHttp.lead(accounts.get(1), "/entities/Leads/",
                    accounts.get(1).seededLeadIds().get(1)), basic(pl.get("username"), pl.get("password")), 200);
            assertSingleSuccess(SandboxHttp.lead(accounts.get(2), "/leads/", accounts.get(2).seededLeadIds().get(1)),
                    "Bearer " + SandboxHttp.accessToken(accounts.get(2)), 204);
        }
    }

    private static void assertSingleSuccess(URI lead, String auth, int successStatus) throws Exception {
        int callers = 12;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Integer> call = () -> {
                    go.await();
                    return send("DELETE", lead, "Authorization", auth).statusCode();
                };
                answers.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).filteredOn(status -> status == successStatus).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 404).hasSize(callers - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void logsOneInfoLineAtStartAndNoSecret() {
        Logger sandboxLogger = (Logger) LoggerFactory.getLogger("dev.unifiedcrm.sandbox");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        sandboxLogger.addAppender(appender);
        Set<String> secrets = new HashSet<>();
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            simulators.demoAccounts().forEach(account -> secrets.addAll(account.credentials().values()));
            DemoAccount sell = simulators.demoAccounts().get(2);
            send("DELETE", SandboxHttp.lead(sell, "/leads/", "1"), "Authorization", "Bearer " + secrets.iterator().next());
        } finally {
            sandboxLogger.detachAppender(appender);
        }

        assertThat(appender.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.INFO)).hasSize(1);
        assertThat(appender.list).allSatisfy(event -> assertThat(secrets)
                .noneMatch(secret -> event.getFormattedMessage().contains(secret)));
    }

    @Test
    void demoAccountToStringMasksCredentials() {
        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            for (DemoAccount account : simulators.demoAccounts()) {
                assertThat(account.toString()).contains(account.accountId()).contains("***");
                // A tenant id is no secret: it is part of the address of the tenant's token endpoint.
                account.credentials().entrySet().stream().filter(credential -> !credential.getKey().equals("tenant_id"))
                        .forEach(secret -> assertThat(account.toString()).doesNotContain(secret.getValue()));
            }
        }
    }

    /** Zoho Accounts' refresh grant, its client in form fields as the adapter sends it. */
    private static String zohoAccessToken(DemoAccount account) {
        var credentials = account.credentials();
        HttpResponse<String> answer = SandboxHttp.post(account.tokenUrl().orElseThrow(),
                "grant_type=refresh_token&client_id=" + encode(credentials.get("client_id"))
                        + "&client_secret=" + encode(credentials.get("client_secret"))
                        + "&refresh_token=" + encode(credentials.get("refresh_token")),
                "Content-Type", "application/x-www-form-urlencoded");
        Matcher token = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(answer.body());
        assertThat(token.find()).as("a token for the demo credentials: %s", answer.statusCode()).isTrue();
        return token.group(1);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
