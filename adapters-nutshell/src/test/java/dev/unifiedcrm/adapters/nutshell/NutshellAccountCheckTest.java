package dev.unifiedcrm.adapters.nutshell;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NutshellAccountCheckTest {

    private static final String SECRET = "s3cr3t-key";

    private static IntegratedAccount account(Integration integration, Map<String, String> context,
                                             Optional<URI> baseUrl, Map<String, String> credentials) {
        return new IntegratedAccount(IntegratedAccountId.parse("7e2b9c14-0a5d-4f63-b8e1-3c6d9f0a2b47").orElseThrow(),
                integration, context, baseUrl, Pacing.providerDefault(), Credentials.of(credentials));
    }

    private static IntegratedAccount withCredentials(Map<String, String> credentials) {
        return account(NutshellAccountCheck.NUTSHELL, Map.of(), Optional.empty(), credentials);
    }

    private static void assertRefused(IntegratedAccount account, String field, String messagePart) {
        assertThatThrownBy(() -> NutshellAccountCheck.check(account))
                .isInstanceOfSatisfying(InvalidAccountException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(messagePart)
                .message().doesNotContain(SECRET);
    }

    @Test
    void acceptsTheDocumentedAccount() {
        assertThatCode(() -> NutshellAccountCheck.check(account(NutshellAccountCheck.NUTSHELL, Map.of(),
                Optional.of(URI.create("https://app.nutshell.com/rest")),
                Map.of("username", "ops@acme.example", "api_key", SECRET)))).doesNotThrowAnyException();
    }

    @Test
    void refusesAnotherIntegrationAndAnyContextKey() {
        assertRefused(account(new Integration("insightly"), Map.of(), Optional.empty(),
                Map.of("username", "ops@acme.example", "api_key", SECRET)), "integration", "'nutshell'");
        assertRefused(account(NutshellAccountCheck.NUTSHELL, Map.of("instance", "54321"), Optional.empty(),
                Map.of("username", "ops@acme.example", "api_key", SECRET)), "context.instance", "take no context");
    }

    @Test
    void refusesMissingAndUnknownCredentials() {
        assertRefused(withCredentials(Map.of("api_key", SECRET)), "credentials.username", "is required");
        assertRefused(withCredentials(Map.of("username", "ops@acme.example")), "credentials.api_key", "is required");
        var extra = new LinkedHashMap<String, String>();
        extra.put("username", "ops@acme.example");
        extra.put("api_key", SECRET);
        extra.put("password", SECRET);
        assertRefused(withCredentials(extra), "credentials.password", "credentials.username and credentials.api_key");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops:admin@acme.example", "ops@acme.example\n", "ops\u0000@acme.example"})
    void refusesUserNamesThatCannotBeABasicUserName(String username) {
        assertRefused(withCredentials(Map.of("username", username, "api_key", SECRET)), "credentials.username",
                "1 to 254 characters");
    }

    @Test
    void theUserNameMayHave254CharactersNotMore() {
        String local = "a".repeat(241);
        assertThatCode(() -> NutshellAccountCheck.check(withCredentials(
                Map.of("username", local + "@acme.example", "api_key", SECRET)))).doesNotThrowAnyException();
        assertRefused(withCredentials(Map.of("username", local + "a@acme.example", "api_key", SECRET)),
                "credentials.username", "1 to 254 characters");
    }

    @Test
    void refusesUserInformationInTheBaseUrl() {
        assertRefused(account(NutshellAccountCheck.NUTSHELL, Map.of(),
                Optional.of(URI.create("https://ops:" + SECRET + "@app.nutshell.com/rest")),
                Map.of("username", "ops@acme.example", "api_key", SECRET)), "base_url", "user information");
    }
}
