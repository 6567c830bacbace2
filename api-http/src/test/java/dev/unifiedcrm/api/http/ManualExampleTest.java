package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.unifiedcrm.sandbox.DemoAccount;
import dev.unifiedcrm.sandbox.ProviderSimulators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The manual's example configuration file, as printed in this module's README, starts the service
 * on a fresh machine and deletes through it. The only additions: each account's {@code base_url} (and,
 * for an OAuth set, {@code token_url}) points at the sandbox's simulators, and the environment holds their
 * demo credentials.
 */
class ManualExampleTest {

    private static final Path MANUAL = Path.of("README.md");
    private static final Pattern EXAMPLE = Pattern.compile("## Configuration file\\n+```json\\n(.*?)```", Pattern.DOTALL);
    private static final String TOKEN = "manual-example-token";

    @TempDir
    Path workingDirectory;

    @Test
    void theExampleConfigurationStartsAndDeletesAtTheSimulators() throws Exception {
        Matcher example = EXAMPLE.matcher(Files.readString(MANUAL, StandardCharsets.UTF_8));
        assertThat(example.find()).as("README.md has a json block under '## Configuration file'").isTrue();
        var json = new ObjectMapper();
        var config = (ObjectNode) json.readTree(example.group(1));

        try (ProviderSimulators simulators = ProviderSimulators.start("127.0.0.1")) {
            var environment = new HashMap<String, String>(Map.of("LEADS_API_TOKEN", TOKEN));
            var leads = new ArrayList<String>();
            for (var account : config.withArray("accounts")) {
                DemoAccount demo = demoAccount(simulators, account.path("integration").asText());
                ((ObjectNode) account).put("base_url", demo.baseUrl().toString());
                var exampleKeys = new java.util.HashSet<String>();
                account.path("credentials").fieldNames().forEachRemaining(exampleKeys::add);
                if (demo.tokenUrl().isPresent()
                        && (exampleKeys.equals(demo.credentials().keySet()) || exampleKeys.contains("refresh_token"))) {
                    // The example holds the demo account's OAuth set: its tokens come from the simulator.
                    ((ObjectNode) account).put("token_url", demo.tokenUrl().get().toString());
                }
                for (var credential : account.path("credentials").properties()) {
                    String value = demo.credentials().get(credential.getKey());
                    if (value == null && credential.getKey().equals("access_token")) {
                        // The demo account holds an OAuth set; the example's static token is one the simulator issues.
                        value = accessToken(demo);
                    }
                    environment.put(environmentVariable(credential.getValue().asText()), value);
                }
                leads.add("/unified/crm/leads/" + demo.seededLeadIds().get(0) + "?integrated_account_id=" + account.path("id").asText());
            }
            Path file = Files.writeString(workingDirectory.resolve("config.json"), json.writeValueAsString(config));

            Process service = start(file, environment);
            try {
                var stdout = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8));
                String listening = stdout.readLine();
                assertThat(listening).as("first line of standard output").startsWith("listening on http://127.0.0.1:");
                String base = listening.substring("listening on ".length());
                var client = HttpClient.newHttpClient();
                for (String lead : leads) {
                    var answer = client.send(HttpRequest.newBuilder(URI.create(base + lead)).DELETE()
                            .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as("DELETE %s: %s", lead, answer.body()).isEqualTo(200);
                    assertThat(answer.headers().firstValue("x-delete-outcome")).contains("deleted");
                }
            } finally {
                new ProcessBuilder("kill", "-TERM", String.valueOf(service.pid())).start().waitFor();
                assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
                service.destroyForcibly();
            }
            String audit = config.path("audit_log").asText();
            assertThat(workingDirectory.resolve(audit)).as("the example's audit_log, relative to the working directory")
                    .content().hasLineCount(2 * leads.size()).contains("\"phase\":\"finished\"");
        }
    }

    private Process start(Path config, Map<String, String> environment) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var builder = new ProcessBuilder(List.of(java, "-Dlogback.configurationFile=logback.xml", "-cp", classPath,
                Main.class.getName(), "--config", config.toString(), "--port", "0"))
                .directory(workingDirectory.toFile())
                .redirectError(workingDirectory.resolve("stderr.txt").toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String environmentVariable(String value) {
        Matcher reference = Pattern.compile("\\$\\{env:([A-Z_]+)}").matcher(value);
        assertThat(reference.matches()).as("the example's credentials are ${env:NAME} references: %s", value).isTrue();
        return reference.group(1);
    }

    private static String accessToken(DemoAccount demo) throws Exception {
        var credentials = demo.credentials();
        var request = HttpRequest.newBuilder(demo.tokenUrl().orElseThrow())
                .header("Content-Type", "application/x-www-form-urlencoded");
        if (credentials.containsKey("tenant_id")) {
            // Entra ID's client credentials, scoped to the environment the demo account's base_url names.
            URI base = demo.baseUrl();
            request.POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"
                    + "&client_id=" + form(credentials.get("client_id")) + "&client_secret=" + form(credentials.get("client_secret"))
                    + "&scope=" + form(base.getScheme() + "://" + base.getRawAuthority() + "/.default")));
        } else {
            String client = java.util.Base64.getEncoder().encodeToString((credentials.get("client_id") + ":"
                    + credentials.get("client_secret")).getBytes(StandardCharsets.UTF_8));
            // The client goes both ways: Zendesk Sell's simulator reads it from Basic, HubSpot's from the form.
            request.header("Authorization", "Basic " + client).POST(HttpRequest.BodyPublishers.ofString(
                    "grant_type=refresh_token&refresh_token=" + credentials.get("refresh_token")
                            + "&client_id=" + credentials.get("client_id") + "&client_secret=" + credentials.get("client_secret")));
        }
        var answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(answer.body()).get("access_token").asText();
    }

    private static String form(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static DemoAccount demoAccount(ProviderSimulators simulators, String integration) {
        return simulators.demoAccounts().stream().filter(demo -> demo.integration().equals(integration)).findFirst()
                .orElseThrow(() -> new AssertionError("the sandbox simulates no " + integration));
    }
}
