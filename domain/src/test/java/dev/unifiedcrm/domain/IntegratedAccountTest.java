package dev.unifiedcrm.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
}
