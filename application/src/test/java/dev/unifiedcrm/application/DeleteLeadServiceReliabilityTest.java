package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** Retries, uncertain deletes, Idempotency-Key, local rate limit, and what the listener hears. */
class DeleteLeadServiceReliabilityTest {

    private static final IntegratedAccountId INSIGHTLY_ACCOUNT = id("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12");
    private static final IntegratedAccountId PACED_ACCOUNT = id("6f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12");
    private static final IntegratedAccountId UNPACED_ACCOUNT = id("7f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12");
    private static final IntegratedAccountId PIPELINER_ACCOUNT = id("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23");
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final FakeCrm insightly = new FakeCrm(new Integration("insightly"), LeadIdFormat.POSITIVE_INT64);
    private final FakeCrm pipeliner = new FakeCrm(new Integration("pipeliner"), LeadIdFormat.UUID);
    private final SequentialRetries retries = new SequentialRetries();
    private final MutableClock clock = new MutableClock(NOW);
    private final List<DeleteLeadEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> pacedCalls = new CopyOnWriteArrayList<>();
    private volatile CallPacer pacer = (account, rate, maxWait) -> {
        pacedCalls.add(account + " " + rate + " " + (!maxWait.isNegative() && !maxWait.isZero() && maxWait.compareTo(Duration.ofSeconds(30)) <= 0));
        return CallPacer.Turn.GRANTED;
    };
    private Timeouts timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    private DeleteLeadService service() {
        return DeleteLeadService.builder(
                        AccountDirectory.of(List.of(
                                account(INSIGHTLY_ACCOUNT, new Integration("insightly"), Pacing.providerDefault()),
                                account(PACED_ACCOUNT, new Integration("insightly"), Pacing.perSecond(2)),
                                account(UNPACED_ACCOUNT, new Integration("insightly"), Pacing.perSecond(0)),
                                account(PIPELINER_ACCOUNT, new Integration("pipeliner"), Pacing.providerDefault()))),
                        CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB),
                                List.of(insightly, pipeliner)))
                .timeouts(timeouts)
                .clock(clock)
                .retries(retries)
                .pacer((account, rate, maxWait) -> pacer.awaitTurn(account, rate, maxWait))
                .listener(events::add)
                .build();
    }

    @Nested
    class Retries {

        @Test
        void aConnectionThatCouldNotBeOpenedIsTriedAgain() {
            script(() -> unreachable(Delivery.NOT_SENT), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(response.headers()).containsEntry("x-delete-outcome", "deleted");
            assertThat(insightly.exchanges).containsExactly("DELETE 42", "DELETE 42");
        }

        @Test
        void threeTimeoutsMakeAGatewayTimeoutAfterExactlyThreeAttempts() {
            insightly.deletion = call -> {
                throw new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null);
            };

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(504);
            assertThat(insightly.exchanges).hasSize(3);
        }

        @ParameterizedTest
        @ValueSource(ints = {502, 503, 504})
        void aGatewayErrorIsTriedThreeTimesThenAnsweredAsTheLastProviderError(int status) {
            insightly.deletion = call -> {
                throw RetryRulesTest.rejection(status, Map.of(), false);
            };

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(502);
            assertThat(tree(response)).containsEntry("remote_status_code", status).containsEntry("truto_is_remote_error", true);
            assertThat(insightly.exchanges).hasSize(3);
        }

        @Test
        void a503ThenASuccessIsASuccess() {
            script(() -> RetryRulesTest.rejection(503, Map.of(), false), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(insightly.exchanges).hasSize(2);
        }

        @Test
        void a429WhoseRetryAfterFitsIsTriedAgainNoSoonerThanAsked() {
            script(() -> RetryRulesTest.rejection(429, Map.of("Retry-After", List.of("1")), false), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(insightly.exchanges).hasSize(2);
            assertThat(retries.decisions).containsExactly(RetryDecision.retryAfter(Duration.ofSeconds(1)));
        }

        @Test
        void a429WhoseRetryAfterDoesNotFitIsTheAnswerAtOnce() {
            script(() -> RetryRulesTest.rejection(429, Map.of("Retry-After", List.of("31")), false), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(429);
            assertThat(response.headers()).containsEntry("retry-after", "31");
            assertThat(tree(response)).containsEntry("truto_is_remote_error", true);
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void a429WithAnExhaustedQuotaIsNotTriedAgain() {
            script(() -> RetryRulesTest.rejection(429, Map.of("Retry-After", List.of("1")), true), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(429);
            assertThat(insightly.exchanges).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {400, 401, 403, 404, 409, 422, 500})
        void otherProviderErrorsAreAnsweredAfterOneAttempt(int status) {
            script(() -> RetryRulesTest.rejection(status, Map.of(), false), FakeCrmAnswers::accepted);

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(status < 500 ? status : 502);
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void aContractBreachIsNotTriedAgain() {
            script(() -> new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT,
                    FakeCrm.answer(302, Map.of(), null, ""), "redirected"), FakeCrmAnswers::accepted);

            assertThat(UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42")).status()).isEqualTo(502);
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void theFetchOfReturnDeletedLeadFollowsTheSameRules() {
            var fetches = new ArrayDeque<Supplier<Object>>(List.of(
                    () -> RetryRulesTest.rejection(503, Map.of(), false),
                    () -> FakeCrm.fetched(Lead.withId("42"))));
            insightly.lookup = call -> {
                Object next = fetches.pop().get();
                if (next instanceof RuntimeException failure) {
                    throw failure;
                }
                return (dev.unifiedcrm.domain.FetchedLead) next;
            };

            ApiResponse response = UnifiedAnswers.answer(service(), returning(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(insightly.exchanges).containsExactly("GET 42", "GET 42", "DELETE 42");
        }

        @Test
        void whenTimeRunsOutTheAnswerIsAGatewayTimeoutAndNoAttemptOutlivesTheRequest() {
            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(300));
            insightly.deletion = call -> {
                sleep(call.timeout());
                throw new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null);
            };

            long start = System.nanoTime();
            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(504);
            assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
            assertThat(insightly.calls).hasSizeBetween(2, 3);
            assertThat(insightly.calls.get(0).timeout()).isEqualTo(Duration.ofMillis(200));
            assertThat(insightly.calls.get(1).timeout()).isLessThan(Duration.ofMillis(200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void whenTimeRunsOutAfterAProviderErrorThatErrorIsTheAnswer() {
            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofMillis(300));
            var first = new boolean[] {true};
            insightly.deletion = call -> {
                if (first[0]) {
                    first[0] = false;
                    throw RetryRulesTest.rejection(503, Map.of(), false);
                }
                sleep(call.timeout());
                throw new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null);
            };

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(502);
            assertThat(tree(response)).containsEntry("remote_status_code", 503).containsEntry("truto_is_remote_error", true);
            assertThat(insightly.exchanges).hasSize(3);
        }
    }

    @Nested
    class UncertainDeletes {

        @Test
        void aTimeoutThenA404IsASuccessThatSaysAlreadyDeleted() {
            script(() -> new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null),
                    () -> RetryRulesTest.rejection(404, Map.of("X-RateLimit-Remaining", List.of("7")), false));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response)).containsExactly(entry("id", "42"));
            assertThat(response.headers()).containsEntry("x-delete-outcome", "already_deleted")
                    .containsEntry("ratelimit-remaining", "7");
            assertThat(insightly.exchanges).hasSize(2);
        }

        @Test
        void rawAnswersTheProviders404AsItCameWithTheOutcome() {
            script(() -> unreachable(Delivery.MAYBE_DELIVERED), () -> RetryRulesTest.rejection(404, Map.of(), false));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42").withFormat(ResponseFormat.RAW));

            assertThat(response.status()).isEqualTo(404);
            var raw = (ResponseBody.Raw) response.body();
            assertThat(raw.contentType()).isEqualTo("application/json");
            assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"Message\":\"nope\"}");
            assertThat(response.headers()).containsEntry("x-delete-outcome", "already_deleted");
        }

        @Test
        void normalizedShowsTheIdAndNoRemoteData() {
            script(() -> unreachable(Delivery.MAYBE_DELIVERED), () -> RetryRulesTest.rejection(404, Map.of(), false));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42").withFormat(ResponseFormat.NORMALIZED));

            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response)).containsEntry("id", "42").containsEntry("remote_data", null);
        }

        @Test
        void aConnectionThatWasNeverOpenedThenA404StaysANotFound() {
            script(() -> unreachable(Delivery.NOT_SENT), () -> RetryRulesTest.rejection(404, Map.of(), false));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.headers()).doesNotContainKey("x-delete-outcome");
            assertThat(tree(response)).containsEntry("truto_is_remote_error", true);
        }

        @Test
        void withReturnDeletedLeadTheFetchedLeadIsTheAnswer() {
            insightly.lookup = call -> FakeCrm.fetched(Lead.withId("42", Map.of("LEAD_ID", 42)));
            script(() -> new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null),
                    () -> RetryRulesTest.rejection(404, Map.of(), false));

            ApiResponse response = UnifiedAnswers.answer(service(), returning(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(200);
            assertThat(tree(response)).containsExactly(entry("id", "42"), entry("remote_data", Map.of("LEAD_ID", 42)));
            assertThat(response.headers()).containsEntry("x-delete-outcome", "already_deleted");
            assertThat(insightly.exchanges).containsExactly("GET 42", "DELETE 42", "DELETE 42");
        }

        @Test
        void aFetchThatFoundNothingAfterAnUncertainFetchIsANotFound() {
            var fetches = new ArrayDeque<RuntimeException>(List.of(
                    new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null), RetryRulesTest.rejection(404, Map.of(), false)));
            insightly.lookup = call -> {
                throw fetches.pop();
            };

            ApiResponse response = UnifiedAnswers.answer(service(), returning(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(404);
            assertThat(insightly.exchanges).containsExactly("GET 42", "GET 42");
        }
    }

    @Nested
    class IdempotencyKeys {

        @Test
        void aRepeatGetsTheStoredAnswerMarkedReplayedWithoutAProviderCall() {
            insightly.deletion = call -> new DeletedLead(call.leadId().value(),
                    FakeCrm.answer(202, Map.of("X-RateLimit-Limit", List.of("100")), null, ""));
            var service = service();

            ApiResponse first = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "key-1", "alice"));
            ApiResponse repeat = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "key-1", "alice"));

            assertThat(first.headers()).doesNotContainKey("idempotent-replayed");
            assertThat(repeat.status()).isEqualTo(first.status());
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(repeat.headers()).containsExactly(entry("ratelimit-limit", "100"), entry("x-delete-outcome", "deleted"),
                    entry("idempotent-replayed", "true"));
            assertThat(insightly.exchanges).hasSize(1);
            assertThat(pacedCalls).hasSize(1);
        }

        @Test
        void aStoredRawAnswerKeepsItsBytesAndContentType() {
            var service = service();
            pipeliner.deletion = call -> new DeletedLead(call.leadId().value(), FakeCrm.jsonAnswer(200, Map.of(),
                    "{\"success\":true}", Map.of("success", true)));
            var command = new DeleteLeadCommand(PIPELINER_ACCOUNT, "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90", ResponseFormat.RAW,
                    false, List.of(), List.of(), false, Optional.of("k"), "alice", "req-1");

            UnifiedAnswers.answer(service, command);
            ApiResponse repeat = UnifiedAnswers.answer(service, command);

            var raw = (ResponseBody.Raw) repeat.body();
            assertThat(raw.contentType()).isEqualTo("application/json");
            assertThat(new String(raw.bytes(), StandardCharsets.UTF_8)).isEqualTo("{\"success\":true}");
            assertThat(pipeliner.exchanges).hasSize(1);
        }

        @Test
        void aProvider4xxIsStoredToo() {
            insightly.deletion = call -> {
                throw RetryRulesTest.rejection(404, Map.of(), false);
            };
            var service = service();

            UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));
            ApiResponse repeat = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));

            assertThat(repeat.status()).isEqualTo(404);
            assertThat(repeat.headers()).containsEntry("idempotent-replayed", "true");
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void keysBelongToTheirCaller() {
            var service = service();

            UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));
            ApiResponse other = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "bob"));

            assertThat(other.headers()).doesNotContainKey("idempotent-replayed");
            assertThat(insightly.exchanges).hasSize(2);
        }

        @Test
        void theSameKeyForAnotherLeadOrAccountIsUnprocessable() {
            var service = service();
            UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));

            ApiResponse otherLead = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "43", "k", "alice"));
            ApiResponse otherAccount = UnifiedAnswers.answer(service, keyed(UNPACED_ACCOUNT, "42", "k", "alice"));

            assertError(otherLead, 422, "Unprocessable Content");
            assertError(otherAccount, 422, "Unprocessable Content");
            assertThat(message(otherLead)).contains("Idempotency-Key");
            assertThat(insightly.exchanges).containsExactly("DELETE 42");
        }

        @Test
        void answersFromAProvider5xxATimeoutOrTheLocalRateLimitAreNotStored() {
            var service = service();
            script(() -> RetryRulesTest.rejection(500, Map.of(), false), FakeCrmAnswers::accepted);
            assertThat(UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice")).status()).isEqualTo(502);

            insightly.deletion = call -> {
                throw new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null);
            };
            assertThat(UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice")).status()).isEqualTo(504);

            pacer = (account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofSeconds(60));
            assertThat(UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice")).status()).isEqualTo(429);

            pacer = (account, rate, maxWait) -> CallPacer.Turn.GRANTED;
            insightly.deletion = call -> FakeCrmAnswers.accepted();
            ApiResponse tried = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));
            assertThat(tried.status()).isEqualTo(200);
            assertThat(tried.headers()).doesNotContainKey("idempotent-replayed");
            assertThat(insightly.exchanges).hasSize(1 + 3 + 1);
        }

        @Test
        void anUnreachableStoreIsA503WithRetryAfterAndNoProviderCall() {
            var service = DeleteLeadService.builder(
                            AccountDirectory.of(List.of(account(INSIGHTLY_ACCOUNT, new Integration("insightly"), Pacing.providerDefault()))),
                            CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB),
                                    List.of(insightly)))
                    .idempotencyStore((key, request, maxWait) -> {
                        throw new IdempotencyStoreUnavailable("the shared store is down", null);
                    })
                    .build();

            assertThat(service.deleteLead(keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice")))
                    .isEqualTo(new DeleteLeadResult.IdempotencyStoreDown(new Integration("insightly")));
            ApiResponse response = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "alice"));

            assertError(response, 503, "Service Unavailable");
            assertThat(response.headers()).containsEntry("retry-after", "1");
            assertThat(((Map<?, ?>) ((ResponseBody.Json) response.body()).tree()).containsKey("truto_is_remote_error")).isFalse();
            assertThat(message(response)).contains("Idempotency-Key").doesNotContain("shared store is down");
            assertThat(insightly.exchanges).isEmpty();
            insightly.deletion = call -> FakeCrmAnswers.accepted();
            assertThat(UnifiedAnswers.answer(service, new DeleteLeadCommand(INSIGHTLY_ACCOUNT, "42", ResponseFormat.UNIFIED, false,
                    List.of(), List.of(), false, Optional.empty(), "alice", "req-unkeyed")).status())
                    .as("a request without a key does not need the store").isEqualTo(200);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "caf\u00e9", "line\nbreak", "tab\there", "\u0000"})
        void aMalformedKeyIsABadRequestWithoutAProviderCall(String key) {
            ApiResponse response = UnifiedAnswers.answer(service(), keyed(INSIGHTLY_ACCOUNT, "42", key, "alice"));

            assertError(response, 400, "Bad Request");
            assertThat(message(response)).contains("Idempotency-Key");
            assertThat(insightly.exchanges).isEmpty();
        }

        @Test
        void aKeyOf255PrintableCharactersIsFineAnd256IsNot() {
            assertThat(UnifiedAnswers.answer(service(), keyed(INSIGHTLY_ACCOUNT, "42", "k ~!".repeat(64).substring(0, 255), "a")).status())
                    .isEqualTo(200);
            assertError(UnifiedAnswers.answer(service(), keyed(INSIGHTLY_ACCOUNT, "42", "k".repeat(256), "a")), 400, "Bad Request");
        }

        @Test
        void theKeyIsCheckedAfterTheAccountAndTheIdFormat() {
            assertError(UnifiedAnswers.answer(service(), keyed(id("00000000-0000-4000-8000-000000000000"), "42", "", "a")), 404, "Not Found");
            ApiResponse badId = UnifiedAnswers.answer(service(), keyed(INSIGHTLY_ACCOUNT, "007", "", "a"));
            assertError(badId, 400, "Bad Request");
            assertThat(message(badId)).contains("positive whole number");
        }

        @Test
        void aRepeatWhileTheFirstRunsWaitsForItsAnswer() throws Exception {
            var release = new CountDownLatch(1);
            insightly.deletion = call -> {
                await(release);
                return FakeCrmAnswers.accepted();
            };
            var service = service();

            CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a")));
            waitUntil(() -> insightly.exchanges.size() == 1);
            CompletableFuture<ApiResponse> repeat = CompletableFuture.supplyAsync(() -> UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a")));
            Thread.sleep(100);
            assertThat(repeat).isNotDone();
            release.countDown();

            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(repeat.get(10, TimeUnit.SECONDS).headers()).containsEntry("idempotent-replayed", "true");
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void aRepeatWhileTheFirstRunsIsAConflictAfterRequestMs() throws Exception {
            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300));
            var release = new CountDownLatch(1);
            insightly.deletion = call -> {
                await(release);
                return FakeCrmAnswers.accepted();
            };
            var service = service();
            CompletableFuture<ApiResponse> first = CompletableFuture.supplyAsync(() -> UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a")));
            waitUntil(() -> insightly.exchanges.size() == 1);

            long start = System.nanoTime();
            ApiResponse repeat = UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a"));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            release.countDown();

            assertError(repeat, 409, "Conflict");
            assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(250)).isLessThan(Duration.ofSeconds(5));
            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            assertThat(insightly.exchanges).hasSize(1);
        }
    }

    @Nested
    class LocalRateLimit {

        @Test
        void aCallThatWouldWaitTooLongIsA429WithRetryAfterAndNoProviderCall() {
            pacer = (account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofMillis(1200));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertError(response, 429, "Unknown");
            assertThat(response.headers()).containsExactly(entry("retry-after", "2"));
            assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
            assertThat(insightly.exchanges).isEmpty();
        }

        @Test
        void retryAfterIsAtLeastOneSecond() {
            pacer = (account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofMillis(1));

            assertThat(UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42")).headers()).containsEntry("retry-after", "1");
        }

        @Test
        void thePaceIsTheProvidersDocumentedRateTheAccountsOwnOrNone() {
            insightly.documentedRate = OptionalDouble.of(10);
            var service = service();

            UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));
            UnifiedAnswers.answer(service, DeleteLeadCommand.of(PACED_ACCOUNT, "42"));
            UnifiedAnswers.answer(service, DeleteLeadCommand.of(UNPACED_ACCOUNT, "42"));

            assertThat(pacedCalls).containsExactly(
                    INSIGHTLY_ACCOUNT + " OptionalDouble[10.0] true",
                    PACED_ACCOUNT + " OptionalDouble[2.0] true",
                    UNPACED_ACCOUNT + " OptionalDouble.empty true");
        }

        @Test
        void aWaitForATurnKeepsOneExchangesTimeOrHalfTheTimeLeft() {
            var waits = new CopyOnWriteArrayList<Duration>();
            pacer = (account, rate, maxWait) -> {
                waits.add(maxWait);
                return CallPacer.Turn.GRANTED;
            };

            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));
            UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));
            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(20), Duration.ofSeconds(30));
            UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(waits).hasSize(2);
            assertThat(waits.get(0)).isBetween(Duration.ofSeconds(27), Duration.ofSeconds(28));
            assertThat(waits.get(1)).isBetween(Duration.ofSeconds(14), Duration.ofSeconds(15));
        }

        @Test
        void aPacedCallThatCannotKeepOneExchangesTimeIsA429AtOnceWithoutAProviderCall() {
            // A pacer that keeps its promise: it grants when the turn comes within maxWait, else refuses.
            Duration turnComesIn = Duration.ofMillis(28_500);
            var waits = new CopyOnWriteArrayList<Duration>();
            pacer = (account, rate, maxWait) -> {
                waits.add(maxWait);
                return turnComesIn.compareTo(maxWait) <= 0 ? CallPacer.Turn.GRANTED : CallPacer.Turn.refused(turnComesIn);
            };
            timeouts = new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            // The turn comes within the 30 s left, but then less than the 2 s of one exchange would remain.
            assertError(response, 429, "Unknown");
            assertThat(response.headers()).containsExactly(entry("retry-after", "29"));
            assertThat(tree(response)).doesNotContainKey("truto_is_remote_error");
            assertThat(waits).singleElement().satisfies(wait -> assertThat(wait).isLessThan(turnComesIn));
            assertThat(insightly.exchanges).isEmpty();
        }

        @Test
        void everyAttemptTakesATurn() {
            script(() -> RetryRulesTest.rejection(503, Map.of(), false), FakeCrmAnswers::accepted);

            UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(pacedCalls).hasSize(2);
        }

        @Test
        void aRetryThatCannotGetATurnAnswersTheProvidersError() {
            script(() -> RetryRulesTest.rejection(503, Map.of(), false), FakeCrmAnswers::accepted);
            var turns = new ArrayDeque<>(List.of(CallPacer.Turn.GRANTED, CallPacer.Turn.refused(Duration.ofSeconds(60))));
            pacer = (account, rate, maxWait) -> turns.pop();

            ApiResponse response = UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(response.status()).isEqualTo(502);
            assertThat(tree(response)).containsEntry("remote_status_code", 503);
            assertThat(insightly.exchanges).hasSize(1);
        }

        @Test
        void aBusyAccountDoesNotStopAnother() {
            pacer = (account, rate, maxWait) -> account.equals(PACED_ACCOUNT)
                    ? CallPacer.Turn.refused(Duration.ofSeconds(5)) : CallPacer.Turn.GRANTED;
            var service = service();

            assertThat(UnifiedAnswers.answer(service, DeleteLeadCommand.of(PACED_ACCOUNT, "42")).status()).isEqualTo(429);
            assertThat(UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42")).status()).isEqualTo(200);
            assertThat(insightly.exchanges).containsExactly("DELETE 42");
        }
    }

    @Nested
    class Listener {

        @Test
        void hearsEachAttemptTheRetryAndTheEndOfTheRequest() {
            script(() -> RetryRulesTest.rejection(503, Map.of(), false), FakeCrmAnswers::accepted);

            UnifiedAnswers.answer(service(), DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42"));

            assertThat(events).extracting(event -> event.getClass().getSimpleName()).containsExactly(
                    "AttemptStarted", "AttemptFinished", "Retry", "AttemptStarted", "AttemptFinished", "RequestFinished");
            var firstFinished = (DeleteLeadEvent.AttemptFinished) events.get(1);
            assertThat(firstFinished.providerStatus()).hasValue(503);
            assertThat(firstFinished.integration()).isEqualTo(new Integration("insightly"));
            assertThat(firstFinished.latency().isNegative()).isFalse();
            assertThat((DeleteLeadEvent.Retry) events.get(2)).extracting(DeleteLeadEvent.Retry::attempt).isEqualTo(2);
            var finished = (DeleteLeadEvent.RequestFinished) events.get(5);
            assertThat(finished.integration()).contains(new Integration("insightly"));
            assertThat(finished.format()).isEqualTo(ResponseFormat.UNIFIED);
            assertThat(finished.status()).isEqualTo(200);
        }

        @Test
        void hearsRateLimitRejectionsReplaysAndRequestsThatNeverReachedAnAccount() {
            var service = service();
            UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a"));
            UnifiedAnswers.answer(service, keyed(INSIGHTLY_ACCOUNT, "42", "k", "a"));
            pacer = (account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofSeconds(9));
            UnifiedAnswers.answer(service, DeleteLeadCommand.of(PACED_ACCOUNT, "43"));
            UnifiedAnswers.answer(service, DeleteLeadCommand.of(id("00000000-0000-4000-8000-000000000000"), "42"));

            assertThat(events).filteredOn(DeleteLeadEvent.IdempotentReplay.class::isInstance).hasSize(1);
            assertThat(events).filteredOn(DeleteLeadEvent.RateLimitRejection.class::isInstance).singleElement()
                    .extracting(event -> ((DeleteLeadEvent.RateLimitRejection) event).account()).isEqualTo(PACED_ACCOUNT);
            assertThat(events).filteredOn(DeleteLeadEvent.RequestFinished.class::isInstance)
                    .extracting(event -> ((DeleteLeadEvent.RequestFinished) event).status()).containsExactly(200, 200, 429, 404);
            assertThat(((DeleteLeadEvent.RequestFinished) events.get(events.size() - 1)).integration()).isEmpty();
        }

        @Test
        void aBrokenListenerDoesNotChangeTheAnswer() {
            var service = DeleteLeadService.builder(
                            AccountDirectory.of(List.of(account(INSIGHTLY_ACCOUNT, new Integration("insightly"), Pacing.providerDefault()))),
                            CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(insightly)))
                    .listener(event -> {
                        throw new IllegalStateException("metrics are down");
                    })
                    .build();

            assertThat(UnifiedAnswers.answer(service, DeleteLeadCommand.of(INSIGHTLY_ACCOUNT, "42")).status()).isEqualTo(200);
        }
    }

    // ---- helpers ----

    /** Adapter answers for a script: a failure to throw, or a DeletedLead to return. */
    static final class FakeCrmAnswers {
        static DeletedLead accepted() {
            return new DeletedLead("42", FakeCrm.answer(202, Map.of(), null, ""));
        }
    }

    @SafeVarargs
    private void script(Supplier<Object>... steps) {
        Deque<Supplier<Object>> left = new ArrayDeque<>();
        for (Supplier<Object> step : steps) {
            left.add(step);
        }
        LeadDeletionPort port = call -> {
            Object next = (left.size() > 1 ? left.pop() : left.peek()).get();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (DeletedLead) next;
        };
        insightly.deletion = port;
    }

    private static RuntimeException unreachable(Delivery delivery) {
        return new ProviderUnreachable(delivery == Delivery.NOT_SENT ? "connection refused" : "connection reset", delivery, null);
    }

    private static DeleteLeadCommand keyed(IntegratedAccountId account, String leadId, String key, String caller) {
        return new DeleteLeadCommand(account, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(), false,
                Optional.of(key), caller, "req-" + key.hashCode());
    }

    private static DeleteLeadCommand returning(IntegratedAccountId account, String leadId) {
        return new DeleteLeadCommand(account, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(), true,
                Optional.empty(), "caller", "req-1");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.get() && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(condition.get()).isTrue();
    }

    private static Map<String, Object> tree(ApiResponse response) {
        return DeleteLeadServiceTest.tree(response);
    }

    private static String message(ApiResponse response) {
        return (String) tree(response).get("message");
    }

    private static void assertError(ApiResponse response, int status, String reason) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(tree(response)).containsEntry("statusCode", status).containsEntry("error", reason);
        assertThat(message(response)).isNotBlank();
    }

    private static IntegratedAccountId id(String uuid) {
        return IntegratedAccountId.parse(uuid).orElseThrow();
    }

    private static IntegratedAccount account(IntegratedAccountId id, Integration integration, Pacing pacing) {
        return new IntegratedAccount(id, integration, Map.of(), Optional.empty(), pacing,
                Credentials.of(Map.of("api_key", "secret")));
    }
}
