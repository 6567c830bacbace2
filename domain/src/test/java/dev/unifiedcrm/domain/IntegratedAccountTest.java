package dev.unifiedcrm.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SuppressWarnings("unchecked")
class IntegratedAccountTest {

    private static final IntegratedAccountId ID = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();

    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com/v3.1", "http://localhost:8080/x", "http://127.0.0.1:9/x",
            "http://127.8.9.10/x", "http://[::1]:8080/x"})
    void acceptsHttpsAndLoopbackHttpBaseUrls(String url) {
        assertThat(account(url).baseUrl()).contains(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/v3.1", "http://10.0.0.1/x", "ftp://127.0.0.1/x", "file:///etc/passwd",
            "/relative", "http://localhost.evil.example/x", "https://api.example.com/?q=1"})
    void refusesEveryOtherBaseUrl(String url) {
        assertThatThrownBy(() -> account(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("base_url");
    }

    @Test
    void credentialsNeverPrintTheirValues() {
        var credentials = Credentials.of(Map.of("api_key", "s3cr3t-value"));
        var account = account("https://api.example.com");

        assertThat(credentials.toString()).isEqualTo("***");
        assertThat(account.toString()).doesNotContain("s3cr3t-value");
        assertThatThrownBy(() -> Credentials.of(Map.of("api_key", ""))).hasMessageNotContaining("s3cr3t");
    }

    private static IntegratedAccount account(String baseUrl) {
        return new IntegratedAccount(ID, new Integration("acme_crm"), Map.of(), Optional.of(URI.create(baseUrl)),
                Pacing.providerDefault(), Credentials.of(Map.of("api_key", "s3cr3t-value")));
    }

    @Test
    void contextHoldsPlainJsonValuesUnmodifiableInOrder() {
        var columns = new java.util.LinkedHashMap<String, Object>();
        columns.put("owner", "person");
        columns.put("status", "lead_status");
        var list = new java.util.ArrayList<Object>(java.util.Arrays.asList(1, null, new java.math.BigDecimal("2.50")));
        var context = new java.util.LinkedHashMap<String, Object>();
        context.put("board_id", "2001047343");
        context.put("columns", columns);
        context.put("flags", list);
        context.put("strict", true);

        var account = withContext(context);
        columns.put("email", "changed");
        list.add(3);

        assertThat(account.context().keySet()).containsExactly("board_id", "columns", "flags", "strict");
        assertThat((Map<String, Object>) account.context().get("columns")).containsExactly(
                Map.entry("owner", "person"), Map.entry("status", "lead_status"));
        assertThat((java.util.List<Object>) account.context().get("flags")).containsExactly(1, null, new java.math.BigDecimal("2.50"));
        assertThatThrownBy(() -> ((Map<String, Object>) account.context().get("columns")).put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(account.contextString("board_id")).contains("2001047343");
        assertThat(account.contextString("absent")).isEmpty();
    }

    @Test
    void aContextKeyReadAsAStringThatHoldsAnotherValueNamesItsField() {
        var account = withContext(Map.of("columns", Map.of("owner", "person"), "pod", 5));

        assertThatThrownBy(() -> account.contextString("columns"))
                .isInstanceOfSatisfying(dev.unifiedcrm.domain.spi.InvalidAccountException.class,
                        e -> assertThat(e.field()).isEqualTo("context.columns"))
                .hasMessage("context.columns must be a string, was an object");
        assertThatThrownBy(() -> account.contextString("pod")).hasMessage("context.pod must be a string, was a number");
    }

    @Test
    void contextRefusesWhatIsNotAJsonValueNamingThePath() {
        var nullValue = new java.util.HashMap<String, Object>();
        nullValue.put("pod", null);

        assertThatThrownBy(() -> withContext(nullValue)).hasMessageContaining("context.pod must not be null");
        assertThatThrownBy(() -> withContext(Map.of("columns", Map.of("owner", new Object()))))
                .hasMessageContaining("context.columns.owner must be a JSON value");
        assertThatThrownBy(() -> withContext(Map.of("columns", Map.of(1, "x")))).hasMessageContaining("string keys");
        assertThatThrownBy(() -> withContext(Map.of("rate", Double.NaN))).hasMessageContaining("finite");
    }

    private static IntegratedAccount withContext(Map<String, ?> context) {
        return new IntegratedAccount(ID, new Integration("monday_crm"), context, Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_token", "t")));
    }
}
