package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class MondayCrmAdapterProviderTest {

    private static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.secret-monday-token";
    private static final IntegratedAccountId ID = IntegratedAccountId.parse("4b8e2f61-9c3a-4d57-a1e0-6f2d8c9b3a14").orElseThrow();

    private final MondayCrmAdapterProvider provider = new MondayCrmAdapterProvider();

    @Test
    void serviceLoaderFindsItUnderMondayCrmWithItsIdFormatAndPacing() {
        var found = ServiceLoader.load(CrmAdapterProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(candidate -> candidate.integration().equals(new Integration("monday_crm"))).toList();

        assertThat(found).singleElement().isInstanceOf(MondayCrmAdapterProvider.class);
        assertThat(provider.leadIdFormat()).isEqualTo(LeadIdFormat.POSITIVE_INT64);
        assertThat(provider.documentedRequestsPerSecond()).hasValue(5.0);
    }

    @Test
    void theDocumentedExampleAccountIsAcceptedWithItsDefaults() {
        MondayCrmAccount account = MondayCrmAccount.of(account(Map.of("board_id", "2001047343",
                "columns", Map.of("owner", "person")), Map.of("api_token", TOKEN), null));

        assertThat(account.endpoint()).isEqualTo(URI.create("https://api.monday.com/v2"));
        assertThat(account.apiVersion()).isEqualTo("2026-10");
        assertThat(account.boardId()).isEqualTo("2001047343");
        assertThat(account.columns().owner()).isEqualTo("person");
        assertThat(account.columns().status()).isEqualTo("lead_status");
        assertThat(account.toString()).doesNotContain(TOKEN);
    }

    @Test
    void aBaseUrlReplacesTheWholeEndpointAndAnApiVersionIsKept() {
        MondayCrmAccount account = MondayCrmAccount.of(account(Map.of("board_id", "1", "api_version", "2025-04"),
                Map.of("api_token", TOKEN), URI.create("http://127.0.0.1:9/monday/v2")));

        assertThat(account.endpoint()).isEqualTo(URI.create("http://127.0.0.1:9/monday/v2"));
        assertThat(account.apiVersion()).isEqualTo("2025-04");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{}|context.board_id|required",
            "{\"board_id\":2001047343}|context.board_id|must be a string, was a number",
            "{\"board_id\":\"02001\"}|context.board_id|board id",
            "{\"board_id\":\"9223372036854775808\"}|context.board_id|at most",
            "{\"board_id\":\"1\",\"api_version\":\"2026-09\"}|context.api_version|01, 04, 07 or 10",
            "{\"board_id\":\"1\",\"pod\":\"x\"}|context.pod|not a monday CRM setting",
            "{\"board_id\":\"1\",\"columns\":\"person\"}|context.columns|must be an object",
            "{\"board_id\":\"1\",\"columns\":{\"owner\":\"bad id!\"}}|context.columns|context.columns.owner",
            "{\"board_id\":\"1\",\"columns\":{\"stage\":\"x\"}}|context.columns|context.columns.stage is not a known key",
            "{\"board_id\":\"1\",\"columns\":{\"owner\":\"lead_status\"}}|context.columns|already uses"})
    void aBadContextNamesItsField(String contextJson, String field, String problem) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> context = MondayCrmAnswers.JSON.readValue(contextJson, LinkedHashMap.class);

        InvalidAccountException refused = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(context, Map.of("api_token", TOKEN), null)));

        assertThat(refused.field()).isEqualTo(field);
        assertThat(refused.getMessage()).contains(problem).doesNotContain(TOKEN);
    }

    @Test
    void credentialsAreOneApiTokenNeverShown() {
        var both = new LinkedHashMap<String, String>();
        both.put("api_token", TOKEN);
        both.put("client_secret", "another-secret");

        InvalidAccountException extra = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of("board_id", "1"), both, null)));
        InvalidAccountException missing = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of("board_id", "1"), Map.of(), null)));
        InvalidAccountException spaced = catchThrowableOfType(InvalidAccountException.class,
                () -> provider.checkAccount(account(Map.of("board_id", "1"), Map.of("api_token", "has space"), null)));

        assertThat(extra.field()).isEqualTo("credentials.client_secret");
        assertThat(extra.getMessage()).doesNotContain(TOKEN, "another-secret");
        assertThat(missing.field()).isEqualTo("credentials.api_token");
        assertThat(spaced.field()).isEqualTo("credentials.api_token");
        assertThat(spaced.getMessage()).doesNotContain("has space");
    }

    @Test
    void anAccountOfAnotherIntegrationOrWithUserInfoInItsBaseUrlIsRefused() {
        var other = new IntegratedAccount(ID, new Integration("insightly"), Map.of("board_id", "1"), Optional.empty(),
                Pacing.providerDefault(), Credentials.of(Map.of("api_token", TOKEN)));

        assertThat(catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(other)).field())
                .isEqualTo("integration");
        assertThat(catchThrowableOfType(InvalidAccountException.class, () -> provider.checkAccount(account(
                Map.of("board_id", "1"), Map.of("api_token", TOKEN), URI.create("https://me:pw@api.monday.com/v2")))).field())
                .isEqualTo("base_url");
    }

    private static IntegratedAccount account(Map<String, ?> context, Map<String, String> credentials, URI baseUrl) {
        return new IntegratedAccount(ID, new Integration("monday_crm"), context, Optional.ofNullable(baseUrl),
                Pacing.providerDefault(), Credentials.of(credentials));
    }
}
