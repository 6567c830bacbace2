package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Address;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.EmailAddress;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.PhoneNumber;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.Reference;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class DeleteLeadServiceTest {

    private static final IntegratedAccountId INSIGHTLY_ACCOUNT = id("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12");
    private static final IntegratedAccountId PIPELINER_ACCOUNT = id("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23");
    private static final IntegratedAccountId UNKNOWN_ACCOUNT = id("00000000-0000-4000-8000-000000000000");
    private static final String PIPELINER_LEAD = "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90";
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final FakeCrm insightly = new FakeCrm(new Integration("insightly"), LeadIdFormat.POSITIVE_INT64);
    private final FakeCrm pipeliner = new FakeCrm(new Integration("pipeliner"), LeadIdFormat.UUID);
    private final Timeouts timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));
    private final DeleteLeadService service = new DeleteLeadService(
            AccountDirectory.of(List.of(account(INSIGHTLY_ACCOUNT, new Integration("insightly")), account(PIPELINER_ACCOUNT, new Integration("pipeliner")))),
            CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(insightly, pipeliner)),
            timeouts,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Nested
    class OrderOfChecks {

        @Test
        void rawWithReturnDeletedLeadIsABadRequestBeforeTheAccountIsLookedUp() {
            var command = command(UNKNOWN_ACCOUNT, "42", ResponseFormat.RAW, false, List.of(), true);

            ApiResponse response = UnifiedAnswers.answer(service, command);

            assertError(response, 400, "Bad Request");
            assertThat(message(response)).contains("return_deleted_lead", "raw");
        }

        @Test
        void anUnknownAccountIsNotFoundBeforeTheIdIsChecked() {
            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(UNKNOWN_ACCOUNT, "not-an-id"));

            assertError(response, 404, "Not Found");
            assertThat(message(response)).contains(UNKNOWN_ACCOUNT.value());
        }

        @ParameterizedTest
        @ValueSource(strings = {"+5", "007", "0", "-1", "١٢٣", "9223372036854775808", "12 ", "1-2-3-4-5", PIPELINER_LEAD})
        void anIdOutsideTheIntegrationsFormatIsABadRequestAndNeverReachesTheProvider(String badId) {
            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, badId));

            assertError(response, 400, "Bad Request");
            assertThat(message(response)).contains("insightly", "positive whole number");
            assertThat(insightly.exchanges).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1-2-3-4-5", "42", "8c4d1f7e3b2a4d9e9f102a6b5c7d8e90", "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e9z"})
        void pipelinerIdsMustBeUuids(String badId) {
            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(PIPELINER_ACCOUNT, badId));

            assertError(response, 400, "Bad Request");
            assertThat(message(response)).contains("pipeliner", "UUID");
            assertThat(pipeliner.exchanges).isEmpty();
        }

        @Test
        void pipelinerIdsAreSentLowerCase() {
            pipeliner.deletion = call -> pipelinerSuccess(call.leadId().value());

            UnifiedAnswers.answer(service, DeleteLeadCommand.of(PIPELINER_ACCOUNT, PIPELINER_LEAD.toUpperCase()));

            assertThat(pipeliner.exchanges).containsExactly("DELETE " + PIPELINER_LEAD);
        }

        @Test
        void remoteQueryAndAnExchangeTimeoutNoLongerThanOneAttemptReachTheAdapter() {
            var query = List.of(new QueryParameter("validation-level", "2"), new QueryParameter("a[b]", "c"));
            var command = new DeleteLeadCommand(INSIGHTLY_ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), query,
                    false, Optional.empty(), "caller", "req-1");

            UnifiedAnswers.answer(service, command);

            assertThat(insightly.calls).singleElement().satisfies(call -> {
                assertThat(call.remoteQuery()).isEqualTo(query);
                assertThat(call.timeout()).isLessThanOrEqualTo(timeouts.attempt()).isPositive();
                assertThat(call.account().id()).isEqualTo(INSIGHTLY_ACCOUNT);
            });
        }
    }

    @Nested
    class Formats {

        @Test
        void unifiedWithoutAProviderBodyIsTheDeletedIdAlone() {
            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "71234567"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response)).containsExactly(entry("id", "71234567"));
            assertThat(response.headers()).containsEntry("x-delete-outcome", "deleted");
            assertThat(insightly.exchanges).containsExactly("DELETE 71234567");
        }

        @Test
        void unifiedCarriesTheProvidersJsonAnswerAsRemoteData() {
            pipeliner.deletion = call -> pipelinerSuccess(call.leadId().value());

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(PIPELINER_ACCOUNT, PIPELINER_LEAD));

            assertThat(tree(response)).containsExactly(
                    entry("id", PIPELINER_LEAD),
                    entry("remote_data", Map.of("success", true, "data", PIPELINER_LEAD)));
        }

        @Test
        void ignoringRemoteDataRemovesTheKeyInUnifiedAndNormalized() {
            pipeliner.deletion = call -> pipelinerSuccess(call.leadId().value());

            var unified = UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, PIPELINER_LEAD, ResponseFormat.UNIFIED, true, List.of(), false));
            var normalized = UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, PIPELINER_LEAD, ResponseFormat.NORMALIZED, true, List.of(), false));

            assertThat(tree(unified)).containsOnlyKeys("id");
            assertThat(tree(normalized)).doesNotContainKey("remote_data").containsKey("custom_fields");
        }

        @Test
        void normalizedHasEveryFieldInSchemaOrderWithEmptyDefaults() {
            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.NORMALIZED, false, List.of(), false));

            Map<String, Object> tree = tree(response);
            assertThat(tree.keySet()).containsExactly("id", "owner", "lead_source", "lead_type", "status", "title", "contact",
                    "account", "first_name", "last_name", "addresses", "email_addresses", "phone_numbers", "custom_fields",
                    "last_activity_at", "created_at", "updated_at", "converted_at", "converted_contact", "converted_account",
                    "remote_data");
            assertThat(tree).containsEntry("id", "42").containsEntry("owner", null).containsEntry("remote_data", null)
                    .containsEntry("addresses", List.of()).containsEntry("email_addresses", List.of())
                    .containsEntry("phone_numbers", List.of()).containsEntry("custom_fields", Map.of());
        }

        @Test
        void aTextBodyIsNotRemoteData() {
            insightly.deletion = call -> new DeletedLead(call.leadId().value(), FakeCrm.answer(202, Map.of(), "text/plain", "queued"));

            assertThat(tree(UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42")))).containsOnlyKeys("id");
        }

        @Test
        void aLeadDescribedByTheDeleteAnswerIsTheUnifiedAnswerWithTheWholeBodyAsRemoteData() {
            Map<String, Object> body = orderedMap("leads", List.of(orderedMap("id", "42", "status", "open")));
            insightly.deletion = call -> new DeletedLead(call.leadId().value(), Optional.of(new Lead("42", new Reference("5-users"),
                    null, null, "open", "Packaging line", null, null, null, null, List.of(), List.of(), List.of(), Map.of(),
                    null, null, null, null, null, null, body)), FakeCrm.jsonAnswer(200, Map.of(), "{}", body));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response)).containsOnlyKeys("id", "owner", "status", "title", "remote_data")
                    .containsEntry("owner", Map.of("id", "5-users")).containsEntry("title", "Packaging line")
                    .containsEntry("remote_data", body);
        }

        @Test
        void rawPassesTheProvidersAnswerOnByteForByte() {
            pipeliner.deletion = call -> pipelinerSuccess(call.leadId().value());

            ApiResponse response = UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, PIPELINER_LEAD, ResponseFormat.RAW, false, List.of("id"), false));

            assertThat(response.status()).isEqualTo(200);
            var raw = (ResponseBody.Raw) response.body();
            assertThat(raw.contentType()).isEqualTo("application/json");
            assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true,\"data\":\"" + PIPELINER_LEAD + "\"}");
            assertThat(response.headers()).containsEntry("x-delete-outcome", "deleted");
        }

        @Test
        void rawOfANoContentAnswerHasNoContentType() {
            insightly.deletion = call -> new DeletedLead(call.leadId().value(), FakeCrm.answer(204, Map.of(), null, ""));

            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.RAW, false, List.of(), false));

            assertThat(response.status()).isEqualTo(204);
            assertThat(((ResponseBody.Raw) response.body()).contentType()).isNull();
            assertThat(((ResponseBody.Raw) response.body()).bytes()).isEmpty();
        }

        @Test
        void exclusionsApplyLastAndMayRemoveTheId() {
            pipeliner.deletion = call -> pipelinerSuccess(call.leadId().value());

            ApiResponse response = UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, PIPELINER_LEAD, ResponseFormat.NORMALIZED, false,
                    List.of("id", "remote_data.success", "owner", "no_such_field"), false));

            assertThat(tree(response)).doesNotContainKeys("id", "owner")
                    .containsEntry("remote_data", Map.of("data", PIPELINER_LEAD));
        }
    }

    @Nested
    class ReturnDeletedLead {

        private final Lead fetchedLead = new Lead("42", new Reference("7"), "1658211", null, "2240731", "CEO", null, null,
                "Jane", "Doe", List.of(new Address("1 Market St", "Suite 300", "San Francisco", "CA", "94105", "United States", "primary")),
                List.of(new EmailAddress("jane@acme.example", "primary")), List.of(new PhoneNumber("+1 415", null, "work")),
                orderedMap("Budget__c", new BigDecimal("50000.10")), null, Instant.parse("2024-03-05T10:45:21Z"), null, null,
                null, null, orderedMap("LEAD_ID", 42));

        @Test
        void fetchesThenDeletesAndAnswersWithTheLeadAsItWas() {
            insightly.lookup = call -> FakeCrm.fetched(fetchedLead);

            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), true));

            assertThat(insightly.exchanges).containsExactly("GET 42", "DELETE 42");
            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response).keySet()).containsExactly("id", "owner", "lead_source", "status", "title", "first_name",
                    "last_name", "addresses", "email_addresses", "phone_numbers", "custom_fields", "created_at", "remote_data");
            assertThat(tree(response)).containsEntry("created_at", "2024-03-05T10:45:21Z")
                    .containsEntry("custom_fields", Map.of("Budget__c", new BigDecimal("50000.10")))
                    .containsEntry("remote_data", Map.of("LEAD_ID", 42));
        }

        @Test
        void theFetchedLeadWinsOverTheDeleteAnswersDescription() {
            insightly.lookup = call -> FakeCrm.fetched(fetchedLead);
            insightly.deletion = call -> new DeletedLead(call.leadId().value(), Optional.of(Lead.withId("42", Map.of("from", "delete"))),
                    FakeCrm.jsonAnswer(200, Map.of(), "{}", Map.of("from", "delete")));

            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), true));

            assertThat(tree(response)).containsEntry("first_name", "Jane").containsEntry("remote_data", Map.of("LEAD_ID", 42));
        }

        @Test
        void normalizedShowsTheWholeLeadWithNestedKeysComplete() {
            insightly.lookup = call -> FakeCrm.fetched(fetchedLead);

            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.NORMALIZED, false, List.of(), true));

            assertThat(tree(response)).containsEntry("owner", Map.of("id", "7")).containsEntry("contact", null)
                    .containsEntry("phone_numbers", List.of(orderedMap("number", "+1 415", "extension", null, "type", "work")));
        }

        @Test
        void aFailedFetchDeletesNothingAndIsTheAnswer() {
            insightly.lookup = call -> {
                throw new ProviderRejection(FakeCrm.jsonAnswer(404, Map.of(), "{\"Message\":\"no lead\"}", Map.of("Message", "no lead")),
                        "no lead", null, null, false);
            };

            ApiResponse response = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), true));

            assertThat(insightly.exchanges).containsExactly("GET 42");
            assertError(response, 404, "Not Found");
            assertThat(tree(response)).containsEntry("truto_is_remote_error", true).containsEntry("message", "no lead");
        }
    }

    @Nested
    class ErrorTable {

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 409, 422, 429})
        void aProvider4xxKeepsItsStatusAsARemoteError(int status) {
            failDeleteWith(rejection(status));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(status);
            assertThat(tree(response)).containsExactly(
                    entry("statusCode", status), entry("error", ReasonPhrases.of(status)), entry("message", "nope " + status),
                    entry("truto_is_remote_error", true), entry("raw_response", Map.of("Message", "nope " + status)));
        }

        @ParameterizedTest
        @ValueSource(ints = {500, 502, 503, 504})
        void aProvider5xxIsABadGatewayWithTheRemoteStatus(int status) {
            failDeleteWith(rejection(status));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertError(response, 502, "Bad Gateway");
            assertThat(tree(response)).containsEntry("remote_status_code", status).containsEntry("truto_is_remote_error", true);
        }

        @Test
        void aProviderErrorWithoutAMessageGetsASentenceAboutTheStatus() {
            failDeleteWith(new ProviderRejection(FakeCrm.answer(409, Map.of(), null, ""), null, null, null, false));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(message(response)).isEqualTo("insightly answered 409 Conflict.");
            assertThat(tree(response)).containsEntry("raw_response", null);
        }

        @Test
        void rawPassesA4xxOnButNotA5xx() {
            failDeleteWith(rejection(404));
            ApiResponse notFound = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.RAW, false, List.of(), false));
            failDeleteWith(rejection(503));
            ApiResponse unavailable = UnifiedAnswers.answer(service, command(INSIGHTLY_ACCOUNT, "42", ResponseFormat.RAW, false, List.of(), false));

            assertThat(notFound.status()).isEqualTo(404);
            assertThat(new String(((ResponseBody.Raw) notFound.body()).bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"Message\":\"nope 404\"}");
            assertThat(notFound.headers()).doesNotContainKey("x-delete-outcome");
            assertError(unavailable, 502, "Bad Gateway");
        }

        @Test
        void aContractBreachIsABadGatewayWithTheRemoteStatus() {
            failDeleteWith(new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT,
                    FakeCrm.answer(302, Map.of("Location", List.of("https://elsewhere")), null, ""), "it redirected to another address"));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertError(response, 502, "Bad Gateway");
            assertThat(tree(response)).containsEntry("remote_status_code", 302).containsEntry("truto_is_remote_error", true);
            assertThat(message(response)).contains("redirected");
        }

        @Test
        void rawPassesAnUnexpectedSuccessBodyOnButNotARedirect() {
            var answer = FakeCrm.jsonAnswer(200, Map.of(), "{\"success\":false}", Map.of("success", false));
            pipeliner.deletion = call -> {
                throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer, "success was false");
            };

            ApiResponse raw = UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, PIPELINER_LEAD, ResponseFormat.RAW, false, List.of(), false));
            ApiResponse unified = UnifiedAnswers.answer(service, DeleteLeadCommand.of(PIPELINER_ACCOUNT, PIPELINER_LEAD));

            assertThat(raw.status()).isEqualTo(200);
            assertThat(((ResponseBody.Raw) raw.body()).bytes()).isEqualTo("{\"success\":false}".getBytes(StandardCharsets.UTF_8));
            assertError(unified, 502, "Bad Gateway");
            assertThat(tree(unified)).containsEntry("remote_status_code", 200).containsEntry("raw_response", Map.of("success", false));
        }

        @Test
        void noAnswerInTimeIsAGatewayTimeoutThatIsNotRemote() {
            failDeleteWith(new ProviderTimeout("no answer within 2000 ms", Delivery.MAYBE_DELIVERED, null));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertError(response, 504, "Gateway Timeout");
            assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
        }

        @Test
        void anUnreachableProviderIsABadGatewayThatIsNotRemote() {
            failDeleteWith(new ProviderUnreachable("connection refused", Delivery.NOT_SENT, null));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertError(response, 502, "Bad Gateway");
            assertThat(tree(response)).doesNotContainKeys("truto_is_remote_error", "remote_status_code");
            assertThat(message(response)).contains("insightly", "connection refused");
        }

        @Test
        void rateLimitHeadersComeWithErrorsToo() {
            failDeleteWith(new ProviderRejection(FakeCrm.jsonAnswer(429,
                    Map.of("X-RateLimit-Limit", List.of("1000"), "X-RateLimit-Remaining", List.of("0"), "Retry-After", List.of("7")),
                    "{}", Map.of()), "quota spent", null, null, true));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers()).containsEntry("ratelimit-limit", "1000").containsEntry("ratelimit-remaining", "0")
                    .containsEntry("retry-after", "7");
        }

        @Test
        void rateLimitHeadersComeWithSuccess() {
            insightly.deletion = call -> new DeletedLead(call.leadId().value(), FakeCrm.answer(202,
                    Map.of("X-RateLimit-Limit", List.of("1000"), "X-RateLimit-Remaining", List.of("998")), null, ""));

            ApiResponse response = UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.headers()).containsExactly(entry("ratelimit-limit", "1000"), entry("ratelimit-remaining", "998"),
                    entry("x-delete-outcome", "deleted"));
        }
    }

    // ---- helpers ----

    private void failDeleteWith(RuntimeException failure) {
        insightly.deletion = call -> {
            throw failure;
        };
    }

    private static ProviderRejection rejection(int status) {
        String body = "{\"Message\":\"nope " + status + "\"}";
        return new ProviderRejection(FakeCrm.jsonAnswer(status, Map.of(), body, Map.of("Message", "nope " + status)),
                "nope " + status, null, null, false);
    }

    private static DeletedLead pipelinerSuccess(String id) {
        var tree = orderedMap("success", true, "data", id);
        return new DeletedLead(id, FakeCrm.jsonAnswer(200, Map.of(), "{\"success\":true,\"data\":\"" + id + "\"}", tree));
    }

    static Map<String, Object> orderedMap(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static DeleteLeadCommand command(IntegratedAccountId account, String leadId, ResponseFormat format,
                                             boolean ignoreRemoteData, List<String> excluded, boolean returnDeletedLead) {
        return new DeleteLeadCommand(account, leadId, format, ignoreRemoteData, excluded, List.of(), returnDeletedLead,
                Optional.empty(), "caller", "req-1");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(ApiResponse response) {
        return (Map<String, Object>) ((ResponseBody.Json) response.body()).tree();
    }

    private static String message(ApiResponse response) {
        return (String) tree(response).get("message");
    }

    private static void assertError(ApiResponse response, int status, String reason) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(tree(response)).containsEntry("statusCode", status).containsEntry("error", reason);
        assertThat((String) tree(response).get("message")).isNotBlank();
    }

    private static IntegratedAccountId id(String uuid) {
        return IntegratedAccountId.parse(uuid).orElseThrow();
    }

    private static IntegratedAccount account(IntegratedAccountId id, Integration integration) {
        return new IntegratedAccount(id, integration, Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_key", "secret")));
    }

}
