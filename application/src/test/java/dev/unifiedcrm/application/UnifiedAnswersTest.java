package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class UnifiedAnswersTest {

    private static final Integration CRM = new Integration("some_crm");
    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final Instant AT = Instant.parse("2026-11-29T10:00:00Z");
    private static final ProviderAnswer ACCEPTED = FakeCrm.jsonAnswer(200,
            Map.of("x-ratelimit-limit", List.of("100"), "x-ratelimit-remaining", List.of("7"),
                    "x-ratelimit-reset", List.of(String.valueOf(AT.plusSeconds(30).getEpochSecond()))),
            "{\"id\":42}", Map.of("id", 42));

    private static final List<DeleteLeadResult> EVERY_CASE = List.of(
            new DeleteLeadResult.Deleted(CRM, "42", DeleteOutcome.DELETED, Optional.empty(), ACCEPTED, AT),
            new DeleteLeadResult.RefusedByProvider(CRM, 404, Optional.empty(), FakeCrm.answer(404, Map.of(), null, ""), AT),
            new DeleteLeadResult.RefusedByProvider(CRM, 503, Optional.of("down"), FakeCrm.answer(503, Map.of(), "text/plain", "down"), AT),
            new DeleteLeadResult.ProviderBrokeContract(CRM, ProviderContractBreach.Kind.UNEXPECTED_BODY, "not JSON",
                    FakeCrm.answer(200, Map.of(), "text/html", "<html>"), AT),
            new DeleteLeadResult.ProviderUnreachable(CRM, "connection refused"),
            new DeleteLeadResult.ProviderTimedOut(CRM, "no answer within 2 s"),
            new DeleteLeadResult.InvalidRequest(Optional.empty(), "no"),
            new DeleteLeadResult.AccountUnknown(ACCOUNT),
            new DeleteLeadResult.InvalidLeadId(CRM, "x".repeat(80), "expected digits"),
            new DeleteLeadResult.RateLimited(CRM, ACCOUNT, Duration.ofMillis(1200)),
            new DeleteLeadResult.IdempotencyKeyMismatch(CRM),
            new DeleteLeadResult.IdempotencyKeyBusy(CRM),
            new DeleteLeadResult.Replayed(CRM, ApiErrors.error(404, "gone")),
            new DeleteLeadResult.NotAudited(CRM),
            new DeleteLeadResult.IdempotencyStoreDown(CRM),
            new DeleteLeadResult.RefusedByProvider(CRM, 404, Optional.of("Item not found"), reportedInBody(), AT),
            new DeleteLeadResult.RefusedByProvider(CRM, 503, Optional.empty(), reportedInBody(), AT),
            new DeleteLeadResult.RefusedByProvider(CRM, 404, Optional.empty(), reportedInBody(), AT, true));

    @Test
    void theStatusAloneIsTheStatusOfTheRenderedAnswerInEveryFormat() {
        for (ResponseFormat format : ResponseFormat.values()) {
            var command = DeleteLeadCommand.of(ACCOUNT, "42").withFormat(format);
            for (DeleteLeadResult result : EVERY_CASE) {
                assertThat(UnifiedAnswers.status(format, result)).as("%s in %s", result, format)
                        .isEqualTo(UnifiedAnswers.render(command, result).status());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> treeOf(ApiResponse answer) {
        return (Map<String, Object>) ((ResponseBody.Json) answer.body()).tree();
    }

    private static ProviderAnswer reportedInBody() {
        return FakeCrm.jsonAnswer(200, Map.of("Retry-After", List.of("4")), "{\"errors\":[{\"message\":\"Item not found\"}]}",
                Map.of("errors", List.of(Map.of("message", "Item not found"))));
    }

    @Test
    void aFourHundredReportedInsideATwoHundredIsThatStatusRemoteWithTheBodyAsRawResponse() {
        var refused = new DeleteLeadResult.RefusedByProvider(CRM, 404, Optional.of("Item not found"), reportedInBody(), AT);

        for (ResponseFormat format : List.of(ResponseFormat.UNIFIED, ResponseFormat.NORMALIZED)) {
            ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42").withFormat(format), refused);

            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.headers()).containsEntry("retry-after", "4").doesNotContainKey("x-delete-outcome");
            assertThat(treeOf(answer)).containsEntry("statusCode", 404)
                    .containsEntry("message", "Item not found").containsEntry("truto_is_remote_error", true)
                    .containsEntry("raw_response", Map.of("errors", List.of(Map.of("message", "Item not found"))))
                    .doesNotContainKey("remote_status_code");
        }
    }

    @Test
    void aFiveHundredReportedInsideATwoHundredIsA502WithTheNamedStatusAsRemoteStatus() {
        var refused = new DeleteLeadResult.RefusedByProvider(CRM, 503, Optional.empty(), reportedInBody(), AT);

        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), refused);

        assertThat(answer.status()).isEqualTo(502);
        assertThat(treeOf(answer)).containsEntry("statusCode", 502)
                .containsEntry("remote_status_code", 503).containsEntry("truto_is_remote_error", true)
                .containsEntry("message", "some_crm answered 503 Service Unavailable (in the body of its 200 answer).");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 429, 503})
    void rawPassesAFailureReportedInsideATwoHundredOnAsItCameWithoutADeleteOutcome(int status) {
        var refused = new DeleteLeadResult.RefusedByProvider(CRM, status, Optional.empty(), reportedInBody(), AT);

        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42").withFormat(ResponseFormat.RAW), refused);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).doesNotContainKey("x-delete-outcome").containsEntry("retry-after", "4");
        assertThat(answer.body()).isInstanceOfSatisfying(ResponseBody.Raw.class, raw ->
                assertThat(new String(raw.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                        .isEqualTo("{\"errors\":[{\"message\":\"Item not found\"}]}"));
    }

    @Test
    void rawNeverPassesOnTheAnswerToACheckMadeBeforeTheDelete() {
        var refused = new DeleteLeadResult.RefusedByProvider(CRM, 404, Optional.of("No lead 42 on board 7"), reportedInBody(), AT, true);

        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42").withFormat(ResponseFormat.RAW), refused);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(UnifiedAnswers.status(ResponseFormat.RAW, refused)).isEqualTo(404);
        assertThat(treeOf(answer)).containsEntry("message", "No lead 42 on board 7").containsEntry("truto_is_remote_error", true)
                .containsEntry("raw_response", Map.of("errors", List.of(Map.of("message", "Item not found"))));
    }

    @Test
    void aRefusalStandsForAFailureStatusAndA4xxOr5xxAnswerForItsOwn() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeleteLeadResult.RefusedByProvider(CRM, 200,
                Optional.empty(), reportedInBody(), AT)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new DeleteLeadResult.RefusedByProvider(CRM, 404,
                Optional.empty(), FakeCrm.answer(400, Map.of(), null, ""), AT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeletedLeadIsShownWithItsOutcomeAndTheProvidersRateLimitsCountedFromItsAnswer() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(0));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("x-delete-outcome", "deleted")
                .containsEntry("ratelimit-remaining", "7").containsEntry("ratelimit-reset", "30");
        assertThat(((ResponseBody.Json) answer.body()).tree()).isEqualTo(Map.of("id", "42", "remote_data", Map.of("id", 42)));
    }

    @Test
    void theFetchedLeadIsShownInsteadOfTheDeleteAnswerAndExclusionsApply() {
        var fetched = new DeleteLeadResult.Deleted(CRM, "42", DeleteOutcome.ALREADY_DELETED,
                Optional.of(Lead.withId("42", Map.of("first", "Ada"))), FakeCrm.answer(404, Map.of(), null, ""), AT);
        var command = new DeleteLeadCommand(ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of("remote_data"), List.of(),
                true, Optional.empty(), "c", "r");

        ApiResponse answer = UnifiedAnswers.render(command, fetched);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.headers()).containsEntry("x-delete-outcome", "already_deleted");
        assertThat(((ResponseBody.Json) answer.body()).tree()).isEqualTo(Map.of("id", "42"));
    }

    @Test
    void rawPassesTheProvidersAnswerOnByteForByte() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42").withFormat(ResponseFormat.RAW), EVERY_CASE.get(3));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isInstanceOfSatisfying(ResponseBody.Raw.class, raw -> {
            assertThat(raw.contentType()).isEqualTo("text/html");
            assertThat(raw.bytes()).asString().isEqualTo("<html>");
        });
    }

    @Test
    void aProviders5xxIsABadGatewayThatNamesTheProvidersStatusAndBody() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(2));

        assertThat(((ResponseBody.Json) answer.body()).tree()).isEqualTo(Map.of("statusCode", 502, "error", "Bad Gateway",
                "message", "down", "truto_is_remote_error", true, "remote_status_code", 503, "raw_response", "down"));
    }

    @Test
    void aProviders4xxWithoutMessageIsPassedOnWithAMessageNamingTheIntegration() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(1));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(((ResponseBody.Json) answer.body()).tree()).extracting("message").isEqualTo("some_crm answered 404 Not Found.");
    }

    @Test
    void aRateLimitedCallSaysHowManyWholeSecondsToWait() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(9));

        assertThat(answer.headers()).containsExactly(entry("retry-after", "2"));
        assertThat(((ResponseBody.Json) answer.body()).tree()).extracting("message").asString().endsWith("Retry after 2 s.");
    }

    @Test
    void aReplayIsTheStoredAnswerMarkedAsReplayed() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(12));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers()).containsEntry("idempotent-replayed", "true");
    }

    @Test
    void aLongInvalidIdIsEchoedShortened() {
        ApiResponse answer = UnifiedAnswers.render(DeleteLeadCommand.of(ACCOUNT, "42"), EVERY_CASE.get(8));

        assertThat(((ResponseBody.Json) answer.body()).tree()).extracting("message").isEqualTo(
                "The lead id '" + "x".repeat(64) + "...' is not valid for some_crm: expected digits.");
    }

    @Test
    void renderingIsPure() {
        var command = DeleteLeadCommand.of(ACCOUNT, "42");
        for (DeleteLeadResult result : EVERY_CASE) {
            ApiResponse first = UnifiedAnswers.render(command, result);
            ApiResponse second = UnifiedAnswers.render(command, result);
            assertThat(second.status()).isEqualTo(first.status());
            assertThat(second.headers()).isEqualTo(first.headers());
            if (first.body() instanceof ResponseBody.Json json) {
                assertThat(((ResponseBody.Json) second.body()).tree()).isEqualTo(json.tree());
            }
        }
    }
}
