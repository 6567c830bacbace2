package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail: when the service writes the started and finished entries, and what they hold. */
class DeleteLeadServiceAuditTest {

    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final IntegratedAccountId PIPELINER_ACCOUNT = IntegratedAccountId.parse("9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23").orElseThrow();

    private final FakeCrm insightly = new FakeCrm(new Integration("insightly"), LeadIdFormat.POSITIVE_INT64);
    private final FakeCrm pipeliner = new FakeCrm(new Integration("pipeliner"), LeadIdFormat.UUID);
    /** The trail's entries and the provider's exchanges, in the order they happened. */
    private final List<String> timeline = new CopyOnWriteArrayList<>();
    private final List<AuditTrail.Result> results = new CopyOnWriteArrayList<>();
    private volatile RuntimeException startedFailure;
    private volatile CallPacer pacer = CallPacer.unpaced();

    private final AuditTrail trail = new AuditTrail() {
        @Override
        public void started(Deletion deletion) {
            if (startedFailure != null) {
                throw startedFailure;
            }
            timeline.add("started " + describe(deletion));
        }

        @Override
        public void finished(Deletion deletion, Result result) {
            timeline.add("finished " + describe(deletion) + " " + result.outcome().wireName() + " " + result.providerStatus());
            results.add(result);
        }
    };

    private DeleteLeadService service() {
        return service(trail);
    }

    private DeleteLeadService service(AuditTrail auditTrail) {
        insightly.exchanges.clear();
        return DeleteLeadService.builder(
                        AccountDirectory.of(List.of(account(ACCOUNT, new Integration("insightly")), account(PIPELINER_ACCOUNT, new Integration("pipeliner")))),
                        CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(insightly, pipeliner)))
                .retries(new SequentialRetries())
                .pacer((account, rate, maxWait) -> pacer.awaitTurn(account, rate, maxWait))
                .auditTrail(auditTrail)
                .build();
    }

    @Test
    void aDeletionIsRecordedBeforeTheProviderCallAndAfterIt() {
        var service = service();
        insightly.deletion = call -> {
            timeline.add("provider " + call.leadId().value());
            return new DeletedLead("42", FakeCrm.answer(202, Map.of(), null, ""));
        };

        ApiResponse response = UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-1"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(timeline).containsExactly(
                "started req-1 " + ACCOUNT + " insightly 42",
                "provider 42",
                "finished req-1 " + ACCOUNT + " insightly 42 deleted OptionalInt[202]");
        assertThat(results.get(0).duration().isNegative()).isFalse();
    }

    @Test
    void retriesAreOneDeletionWithOneStartedAndOneFinishedEntryCarryingTheLastStatus() {
        var service = service();
        script(() -> RetryRulesTest.rejection(503, Map.of(), false), () -> new DeletedLead("42", FakeCrm.answer(204, Map.of(), null, "")));

        UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-2"));

        assertThat(insightly.exchanges).hasSize(2);
        assertThat(timeline).containsExactly(
                "started req-2 " + ACCOUNT + " insightly 42",
                "finished req-2 " + ACCOUNT + " insightly 42 deleted OptionalInt[204]");
    }

    @Test
    void anUncertainDeleteThatSettlesAsGoneIsAlreadyDeletedWithTheProvidersStatus() {
        var service = service();
        script(() -> new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null),
                () -> RetryRulesTest.rejection(404, Map.of(), false));

        ApiResponse response = UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-3"));

        assertThat(response.headers()).containsEntry("x-delete-outcome", "already_deleted");
        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(AuditTrail.Outcome.ALREADY_DELETED);
            assertThat(result.providerStatus()).hasValue(404);
        });
    }

    @Test
    void aProviderRefusalIsAFailureWithTheProvidersStatus() {
        var service = service();
        script(() -> RetryRulesTest.rejection(403, Map.of(), false));

        assertThat(UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-4")).status()).isEqualTo(403);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(AuditTrail.Outcome.FAILED);
            assertThat(result.providerStatus()).hasValue(403);
        });
    }

    @Test
    void aProviderThatNeverAnsweredIsAFailureWithoutStatus() {
        var service = service();
        script(() -> new ProviderTimeout("no answer", Delivery.MAYBE_DELIVERED, null));

        assertThat(UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-5")).status()).isEqualTo(504);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(AuditTrail.Outcome.FAILED);
            assertThat(result.providerStatus()).isEmpty();
        });
    }

    @Test
    void theFetchOfReturnDeletedLeadIsAProviderCallToo() {
        var service = service();
        insightly.lookup = call -> {
            throw RetryRulesTest.rejection(404, Map.of(), false);
        };
        var command = new DeleteLeadCommand(ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), List.of(), true,
                Optional.empty(), "caller", "req-6");

        assertThat(UnifiedAnswers.answer(service, command).status()).isEqualTo(404);

        assertThat(insightly.exchanges).containsExactly("GET 42");
        assertThat(timeline).containsExactly(
                "started req-6 " + ACCOUNT + " insightly 42",
                "finished req-6 " + ACCOUNT + " insightly 42 failed OptionalInt[404]");
    }

    @Test
    void whenTheStartedEntryCannotBeWrittenTheAnswerIs500AndTheProviderIsNeverCalled() {
        var service = service();
        startedFailure = new UncheckedIOException(new java.io.IOException("disk full"));

        ApiResponse response = UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-7"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(DeleteLeadServiceTest.tree(response)).containsEntry("message", ApiErrors.INTERNAL_ERROR_MESSAGE);
        assertThat(insightly.exchanges).isEmpty();
        assertThat(timeline).isEmpty();
    }

    @Test
    void aRequestRefusedForWantOfAnAuditEntryDoesNotKeepItsIdempotencyKey() {
        var service = service();
        startedFailure = new IllegalStateException("audit store down");
        assertThat(UnifiedAnswers.answer(service, keyed("k-1")).status()).isEqualTo(500);

        startedFailure = null;
        ApiResponse repeat = UnifiedAnswers.answer(service, keyed("k-1"));

        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.headers()).doesNotContainKey(UnifiedAnswers.REPLAYED_HEADER);
        assertThat(insightly.exchanges).containsExactly("DELETE 42");
    }

    @Test
    void requestsThatNeverReachTheProviderCallLeaveNoEntry() {
        var service = service();
        UnifiedAnswers.answer(service, keyed("k-2"));
        timeline.clear();

        UnifiedAnswers.answer(service, keyed("k-2"));
        UnifiedAnswers.answer(service, command(IntegratedAccountId.parse("00000000-0000-4000-8000-000000000000").orElseThrow(), "42", "r"));
        UnifiedAnswers.answer(service, command(ACCOUNT, "not-a-number", "r"));
        pacer = (account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofSeconds(60));
        assertThat(UnifiedAnswers.answer(service, command(ACCOUNT, "43", "r")).status()).isEqualTo(429);

        assertThat(timeline).isEmpty();
        assertThat(insightly.exchanges).containsExactly("DELETE 42");
    }

    @Test
    void theLeadIdIsRecordedAsSentToTheProvider() {
        var service = service();

        UnifiedAnswers.answer(service, command(PIPELINER_ACCOUNT, "0B7C6A52-3F0E-4C47-9A4E-2B1D6F1F9A01", "req-8"));

        assertThat(timeline).first().isEqualTo("started req-8 " + PIPELINER_ACCOUNT + " pipeliner 0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01");
    }

    @Test
    void aFailingFinishedEntryDoesNotChangeTheAnswer() {
        var service = service(new AuditTrail() {
            @Override
            public void started(Deletion deletion) {
            }

            @Override
            public void finished(Deletion deletion, Result result) {
                throw new IllegalStateException("audit store down");
            }
        });

        assertThat(UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-9")).status()).isEqualTo(200);
    }

    @Test
    void aDefectInAnAdapterStillClosesTheEntryAsAFailure() {
        var service = service();
        insightly.deletion = call -> {
            throw new IllegalStateException("bug");
        };

        assertThatThrownBy(() -> UnifiedAnswers.answer(service, command(ACCOUNT, "42", "req-10"))).hasMessage("bug");

        assertThat(timeline).containsExactly(
                "started req-10 " + ACCOUNT + " insightly 42",
                "finished req-10 " + ACCOUNT + " insightly 42 failed OptionalInt.empty");
    }

    @Test
    void withoutAnAuditTrailNothingIsRecordedAndDeletesGoAhead() {
        var service = DeleteLeadService.builder(AccountDirectory.of(List.of(account(ACCOUNT, new Integration("insightly")))),
                CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(insightly))).build();

        assertThat(UnifiedAnswers.answer(service, command(ACCOUNT, "42", "r")).status()).isEqualTo(200);
        assertThat(AuditTrail.none()).isNotNull();
        assertThat(timeline).isEmpty();
    }

    @Test
    void aResultWithoutStatusIsEmptyNotNull() {
        assertThatThrownBy(() -> new AuditTrail.Result(AuditTrail.Outcome.FAILED, null, Duration.ZERO))
                .isInstanceOf(NullPointerException.class).hasMessage("providerStatus");
        assertThat(new AuditTrail.Result(AuditTrail.Outcome.FAILED, OptionalInt.empty(), Duration.ZERO).providerStatus()).isEmpty();
    }

    // ---- helpers ----

    private static String describe(AuditTrail.Deletion deletion) {
        return deletion.requestId() + " " + deletion.accountId() + " " + deletion.integration() + " " + deletion.leadId();
    }

    @SafeVarargs
    private void script(Supplier<Object>... steps) {
        Deque<Supplier<Object>> left = new ArrayDeque<>();
        for (Supplier<Object> step : steps) {
            left.add(step);
        }
        insightly.deletion = call -> {
            Object next = (left.size() > 1 ? left.pop() : left.peek()).get();
            if (next instanceof RuntimeException failure) {
                throw failure;
            }
            return (DeletedLead) next;
        };
    }

    private static DeleteLeadCommand command(IntegratedAccountId account, String leadId, String requestId) {
        return new DeleteLeadCommand(account, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(), false,
                Optional.empty(), "caller", requestId);
    }

    private static DeleteLeadCommand keyed(String key) {
        return new DeleteLeadCommand(ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), List.of(), false,
                Optional.of(key), "caller", "req-" + key);
    }

    private static IntegratedAccount account(IntegratedAccountId id, Integration integration) {
        return new IntegratedAccount(id, integration, Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_key", "secret")));
    }
}
