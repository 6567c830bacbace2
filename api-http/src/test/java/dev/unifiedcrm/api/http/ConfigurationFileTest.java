package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationFileTest {

    static final String ID = "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12";
    static final String SECRET = "s3cr3t-value-never-shown";
    static final Map<String, String> ENV = Map.of("KEY", SECRET, "TOKEN", "tok-" + SECRET, "EMPTY", "");

    @TempDir
    Path dir;

    static CrmAdapters.Providers providers() {
        return CrmAdapters.onClassPath();
    }

    ServiceConfiguration read(String json) throws Exception {
        Path file = dir.resolve("service.json");
        Files.writeString(file, json);
        return ConfigurationFile.read(file, providers(), ENV::get);
    }

    static String insightly(String extra) {
        return "{\"id\":\"" + ID + "\",\"integration\":\"insightly\",\"context\":{\"pod\":\"na1\"},"
                + "\"credentials\":{\"api_key\":\"${env:KEY}\"}" + extra + "}";
    }

    static final String SELL_OAUTH = "{\"client_id\":\"c\",\"client_secret\":\"${env:KEY}\",\"refresh_token\":\"${env:KEY}\"}";

    static String sell(String credentials, String extra) {
        return "{\"id\":\"" + ID + "\",\"integration\":\"zendesk_sell\",\"credentials\":" + credentials + extra + "}";
    }

    @Test
    void readsAnOAuthSetWithItsTokenUrlAndTheCredentialStore() throws Exception {
        var configuration = read("{\"api_tokens\":[\"t\"],\"credential_store\":\"/var/lib/unified-crm/credentials.json\","
                + "\"accounts\":[" + sell(SELL_OAUTH, ",\"token_url\":\"http://127.0.0.1:9999/oauth2/token\"") + "]}");

        var account = configuration.accounts().get(0);
        assertThat(account.credentials().names()).containsExactlyInAnyOrder("client_id", "client_secret", "refresh_token");
        assertThat(account.tokenUrl()).contains(java.net.URI.create("http://127.0.0.1:9999/oauth2/token"));
        assertThat(configuration.credentialStore()).contains("/var/lib/unified-crm/credentials.json");
    }

    static String file(String accounts) {
        return "{\"api_tokens\":[\"${env:TOKEN}\"],\"accounts\":[" + accounts + "]}";
    }

    @Test
    void passesAContextObjectThroughInOrderResolvingEnvironmentReferencesInside() throws Exception {
        var configuration = read(file("""
                { "id": "%s", "integration": "monday_crm",
                  "context": { "board_id": "2001047343", "columns": { "owner": "person", "status": "${env:KEY}" } },
                  "credentials": { "api_token": "${env:TOKEN}" } }""".formatted(ID).replace("${env:KEY}", "stage_col")));

        var account = configuration.accounts().get(0);
        assertThat(account.context()).containsOnlyKeys("board_id", "columns");
        assertThat(account.contextString("board_id")).contains("2001047343");
        assertThat(account.context().get("columns")).isEqualTo(Map.of("owner", "person", "status", "stage_col"));
        assertThat(List.copyOf(((Map<?, ?>) account.context().get("columns")).keySet())).isEqualTo(List.of("owner", "status"));
    }

    @Test
    void aBadValueInsideAContextObjectNamesTheAccountAndTheField() {
        assertThatThrownBy(() -> read(file("""
                { "id": "%s", "integration": "monday_crm",
                  "context": { "board_id": "2001047343", "columns": { "owner": "not a column!" } },
                  "credentials": { "api_token": "${env:KEY}" } }""".formatted(ID))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("invalid configuration file " + dir.resolve("service.json") + ": account " + ID
                        + ": field context.columns: context.columns.owner must be a column id")
                .message().doesNotContain(SECRET);
    }

    @Test
    void readsTheContractsExampleWithDefaultsAndEnvironmentReferences() throws Exception {
        var configuration = read("""
                {
                  "api_tokens": ["${env:TOKEN}", "second"],
                  "audit_log": "/var/log/unified-crm/audit.jsonl",
                  "accounts": [
                    { "id": "0B7C6A52-3f0e-4c47-9a4e-2b1d6f1f9a01", "integration": "zendesk_sell",
                      "credentials": { "access_token": "${env:KEY}" } },
                    { "id": "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12", "integration": "insightly",
                      "context": { "pod": "na1" }, "credentials": { "api_key": "${env:KEY}" },
                      "rate_limit": { "requests_per_second": 5 } },
                    { "id": "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23", "integration": "pipeliner",
                      "context": { "service_url": "https://eu-central.api.pipelinersales.com", "space_id": "my_space" },
                      "credentials": { "username": "u", "password": "${env:KEY}" },
                      "base_url": "http://127.0.0.1:9/api", "rate_limit": { "requests_per_second": 0 } }
                  ]
                }
                """);

        assertThat(configuration.apiTokens()).containsExactly("tok-" + SECRET, "second");
        assertThat(configuration.timeouts().connect()).isEqualTo(Duration.ofMillis(5000));
        assertThat(configuration.timeouts().attempt()).isEqualTo(Duration.ofMillis(10000));
        assertThat(configuration.timeouts().request()).isEqualTo(Duration.ofMillis(30000));
        assertThat(configuration.auditLog()).contains("/var/log/unified-crm/audit.jsonl");
        assertThat(configuration.accounts()).hasSize(3);
        assertThat(configuration.accounts().get(0).id().value()).isEqualTo("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01");
        assertThat(configuration.accounts().get(0).pacing()).isEqualTo(Pacing.providerDefault());
        assertThat(configuration.accounts().get(1).pacing()).isEqualTo(Pacing.perSecond(5));
        assertThat(configuration.accounts().get(1).credentials().require("api_key")).isEqualTo(SECRET);
        assertThat(configuration.accounts().get(2).pacing()).isEqualTo(Pacing.unpaced());
        assertThat(configuration.accounts().get(2).baseUrl()).isPresent();
    }

    @Test
    void readsTimeouts() throws Exception {
        var configuration = read("{\"api_tokens\":[\"t\"],\"timeouts\":{\"connect_ms\":1,\"request_ms\":600000},"
                + "\"accounts\":[]}");

        assertThat(configuration.timeouts().connect()).isEqualTo(Duration.ofMillis(1));
        assertThat(configuration.timeouts().attempt()).isEqualTo(Duration.ofMillis(10000));
        assertThat(configuration.timeouts().request()).isEqualTo(Duration.ofMillis(600000));
    }

    static Stream<Arguments> badFiles() {
        String account = "account " + ID + ": ";
        return Stream.of(
                Arguments.of("not json", "", "is not valid JSON (line 1"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[]} []", "", "is not valid JSON"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"api_tokens\":[\"b\"],\"accounts\":[]}", "", "a key appears twice"),
                Arguments.of("", "", "is empty"),
                Arguments.of("[]", "", "must be a JSON object"),
                Arguments.of("{\"accounts\":[]}", "", "field api_tokens: is required"),
                Arguments.of("{\"api_tokens\":[],\"accounts\":[]}", "", "field api_tokens: must be a non-empty array"),
                Arguments.of("{\"api_tokens\":[\"\"],\"accounts\":[]}", "", "field api_tokens[0]: must not be empty"),
                Arguments.of("{\"api_tokens\":[5],\"accounts\":[]}", "", "field api_tokens[0]: must be a string"),
                Arguments.of("{\"api_tokens\":[\"${env:UNSET}\"],\"accounts\":[]}", "",
                        "field api_tokens[0]: refers to the environment variable UNSET, which is not set"),
                Arguments.of("{\"api_tokens\":[\"${env:EMPTY}\"],\"accounts\":[]}", "", "which is empty"),
                Arguments.of("{\"api_tokens\":[\"a\"]}", "", "field accounts: is required"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"acounts\":[]}", "", "field acounts: unknown key"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"timeouts\":{\"connect\":5}}", "",
                        "field timeouts.connect: unknown key"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"timeouts\":{\"connect_ms\":0}}", "",
                        "field timeouts.connect_ms: must be a whole number of milliseconds from 1 to 600000"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"timeouts\":{\"attempt_ms\":600001}}", "",
                        "field timeouts.attempt_ms"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"timeouts\":{\"request_ms\":\"5000\"}}", "",
                        "field timeouts.request_ms"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"timeouts\":{\"request_ms\":1.5}}", "",
                        "field timeouts.request_ms"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"audit_log\":7}", "", "field audit_log: must be a string"),
                Arguments.of(file("{\"integration\":\"insightly\",\"credentials\":{\"api_key\":\"k\"}}"), "accounts[0]: ",
                        "field id: is required"),
                Arguments.of(file("{\"id\":\"1-2-3-4-5\",\"integration\":\"insightly\",\"credentials\":{\"api_key\":\"k\"}}"),
                        "accounts[0]: ", "field id: must be a UUID"),
                Arguments.of(file(insightly(",\"pod\":\"na1\"")), account, "field pod: unknown key"),
                Arguments.of(file(insightly("").replace("insightly", "acme_crm")), account,
                        "field integration: 'acme_crm' is not a known integration; known: dynamics_365_sales, hubspot,"
                                + " insightly, monday_crm, nutshell, pipedrive, pipeliner, salesforce, zendesk_sell, zoho_crm"),
                Arguments.of(file(insightly("").replace("${env:KEY}", "${env:UNSET}")), account,
                        "field credentials.api_key: refers to the environment variable UNSET, which is not set"),
                Arguments.of(file(insightly("").replace("\"${env:KEY}\"", "42")), account,
                        "field credentials.api_key: must be a string"),
                Arguments.of(file(insightly(",\"base_url\":\"http://crm.example.com/v3.1\"")), account,
                        "field base_url: base_url must use https, or http to a loopback host"),
                Arguments.of(file(insightly(",\"base_url\":\"not a url\"")), account, "field base_url"),
                Arguments.of(file(insightly(",\"rate_limit\":{\"requests_per_second\":-1}")), account,
                        "field rate_limit.requests_per_second: must be a number"),
                Arguments.of(file(insightly(",\"rate_limit\":{\"rps\":1}")), account, "field rate_limit.rps: unknown key"),
                Arguments.of(file(insightly(",\"rate_limit\":{}")), account, "field rate_limit.requests_per_second: is required"),
                Arguments.of(file(insightly("").replace("\"na1\"", "\"NA 1\"")), account, "field context.pod"),
                Arguments.of(file(insightly("").replace("\"na1\"", "5")), account,
                        "field context.pod: context.pod must be a string, was a number"),
                Arguments.of(file(insightly("").replace("\"na1\"", "null")), account,
                        "field context.pod: must not be null (leave the key out instead)"),
                Arguments.of(file(insightly("").replace("\"na1\"", "{\"a\":[true,\"${env:UNSET}\"]}")), account,
                        "field context.pod.a[1]: refers to the environment variable UNSET, which is not set"),
                Arguments.of(file(insightly("").replace("\"context\":{\"pod\":\"na1\"}", "\"context\":[\"na1\"]")), account,
                        "field context: must be a JSON object"),
                Arguments.of(file(insightly("").replace("\"context\":{\"pod\":\"na1\"},", "")), account, "field context.pod"),
                Arguments.of(file(insightly("").replace("api_key", "apikey")), account, "field credentials.apikey"),
                Arguments.of(file("{\"id\":\"" + ID + "\",\"integration\":\"pipeliner\",\"context\":{\"space_id\":\"s\"},"
                        + "\"credentials\":{\"username\":\"u\",\"password\":\"${env:KEY}\"}}"), account,
                        "field context.service_url"),
                Arguments.of(file("{\"id\":\"" + ID + "\",\"integration\":\"zendesk_sell\",\"credentials\":{}}"), account,
                        "field credentials: match no credential set: zendesk_sell takes exactly the keys {access_token} or"
                                + " {client_id, client_secret, refresh_token}"),
                Arguments.of(file(sell("{\"client_id\":\"c\",\"client_secret\":\"${env:KEY}\"}", "")), account,
                        "field credentials.refresh_token: is required"),
                Arguments.of(file(sell("{\"access_token\":\"${env:KEY}\",\"refresh_token\":\"${env:KEY}\"}", "")), account,
                        "field credentials: match no credential set"),
                Arguments.of(file(sell("{\"access_token\":\"${env:KEY}\"}", ",\"token_url\":\"https://api.getbase.com/oauth2/token\"")),
                        account, "field token_url: is only accepted with an OAuth credential set"),
                Arguments.of(file(sell(SELL_OAUTH, ",\"token_url\":\"http://auth.example.com/token\"")), account,
                        "field token_url: token_url must use https, or http to a loopback host"),
                Arguments.of(file(sell(SELL_OAUTH, ",\"token_url\":\"not a url\"")), account, "field token_url"),
                Arguments.of("{\"api_tokens\":[\"a\"],\"accounts\":[],\"credential_store\":5}", "",
                        "field credential_store: must be a string"),
                Arguments.of(file(insightly("") + "," + insightly("").replace(ID, ID.toUpperCase())), account,
                        "field id: duplicates the id of accounts[0]"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void refusesABadFileWithOneLineNamingFileAccountAndFieldButNoSecret(String json, String account, String problem) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(InvalidConfigurationException.class)
                .message()
                .startsWith("invalid configuration file " + dir.resolve("service.json") + ": " + account)
                .contains(problem)
                .doesNotContain(SECRET, "\n", "Exception");
    }

    @Test
    void refusesAMissingOrUnreadableFile() throws IOException {
        assertThatThrownBy(() -> ConfigurationFile.read(dir.resolve("absent.json"), providers(), ENV::get))
                .hasMessage("invalid configuration file " + dir.resolve("absent.json") + ": does not exist");
        assertThatThrownBy(() -> ConfigurationFile.read(dir, providers(), ENV::get))
                .hasMessageContaining("is a directory");
    }
}
