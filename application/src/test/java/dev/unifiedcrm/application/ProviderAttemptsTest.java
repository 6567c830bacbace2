package dev.unifiedcrm.application;

import dev.unifiedcrm.application.DeleteLeadEvent.AttemptOutcome;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderAttemptsTest {

    private static final Integration CRM = new Integration("some_crm");
    private static final IntegratedAccountId ACCOUNT = IntegratedAccountId.parse("5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12").orElseThrow();
    private static final Instant NOW = Instant.parse("2026-11-29T10:00:00Z");

    private final FakeCrm crm = new FakeCrm(CRM, LeadIdFormat.POSITIVE_INT64);
    private final List<DeleteLeadEvent> events = new CopyOnWriteArrayList<>();

    @Test
    void aDeleteTheProviderAcceptedIsDeletedWithItsAnswerAndTheTimeItCame() {
        var attempted = attempts(CallPacer.unpaced()).run(request(false));

        assertThat(attempted.providerAnswered()).isTrue();
        assertThat(attempted.result()).isInstanceOfSatisfying(DeleteLeadResult.Deleted.class, deleted -> {
            assertThat(deleted.id()).isEqualTo("42");
            assertThat(deleted.outcome()).isEqualTo(DeleteOutcome.DELETED);
            assertThat(deleted.answer().status()).isEqualTo(202);
            assertThat(deleted.answeredAt()).isEqualTo(NOW);
            assertThat(deleted.lead()).isEmpty();
        });
        assertThat(events).filteredOn(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .extracting(event -> ((DeleteLeadEvent.AttemptFinished) event).outcome())
                .containsExactly(AttemptOutcome.ANSWERED);
    }

    @Test
    void aRefusedTurnIsRateLimitedWithoutCallingTheProvider() {
        var attempted = attempts((account, rate, maxWait) -> CallPacer.Turn.refused(Duration.ofSeconds(4))).run(request(false));

        assertThat(attempted.result()).isEqualTo(new DeleteLeadResult.RateLimited(CRM, ACCOUNT, Duration.ofSeconds(4)));
        assertThat(attempted.providerAnswered()).isFalse();
        assertThat(crm.exchanges).isEmpty();
        assertThat(events).singleElement().isInstanceOf(DeleteLeadEvent.RateLimitRejection.class);
    }

    @Test
    void aRefusedTurnAfterAFailedAttemptShowsThatFailure() {
        var turns = new AtomicInteger();
        crm.deletion = call -> {
            throw RetryRulesTest.rejection(503, Map.of(), false);
        };

        var attempted = attempts((account, rate, maxWait) -> turns.incrementAndGet() == 1
                ? CallPacer.Turn.GRANTED : CallPacer.Turn.refused(Duration.ofSeconds(9))).run(request(false));

        assertThat(attempted.result()).isInstanceOfSatisfying(DeleteLeadResult.RefusedByProvider.class,
                refused -> assertThat(refused.status()).isEqualTo(503));
        assertThat(crm.exchanges).containsExactly("DELETE 42");
    }

    @Test
    void whenTimeRunsOutAfterAnAnswerTheAnswerIsShown() {
        var attempt = new AtomicInteger();
        crm.deletion = call -> {
            if (attempt.incrementAndGet() == 1) {
                throw RetryRulesTest.rejection(503, Map.of(), false);
            }
            throw new ProviderTimeout("no answer within 2 s", Delivery.NOT_SENT, null);
        };

        var attempted = attempts(CallPacer.unpaced()).run(request(false));

        assertThat(attempted.result()).isInstanceOf(DeleteLeadResult.RefusedByProvider.class);
        assertThat(attempted.providerAnswered()).isTrue();
        assertThat(events).filteredOn(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .extracting(event -> ((DeleteLeadEvent.AttemptFinished) event).outcome())
                .containsExactly(AttemptOutcome.ANSWERED, AttemptOutcome.TIMEOUT, AttemptOutcome.TIMEOUT);
    }

    @Test
    void aNotFoundAfterADeleteThatMayHaveLandedIsAlreadyDeletedWithTheFetchedLead() {
        var attempt = new AtomicInteger();
        crm.lookup = call -> FakeCrm.fetched(Lead.withId("42"));
        var deleteCalls = new java.util.concurrent.CopyOnWriteArrayList<ProviderCall>();
        crm.deletion = call -> {
            deleteCalls.add(call);
            if (attempt.incrementAndGet() == 1) {
                throw new ProviderUnreachable("connection reset", Delivery.MAYBE_DELIVERED, null);
            }
            throw RetryRulesTest.rejection(404, Map.of(), false);
        };

        var attempted = attempts(CallPacer.unpaced()).run(request(true));

        assertThat(attempted.result()).isInstanceOfSatisfying(DeleteLeadResult.Deleted.class, deleted -> {
            assertThat(deleted.outcome()).isEqualTo(DeleteOutcome.ALREADY_DELETED);
            assertThat(deleted.lead()).contains(Lead.withId("42"));
            assertThat(deleted.answer().status()).isEqualTo(404);
        });
        assertThat(crm.exchanges).containsExactly("GET 42", "DELETE 42", "DELETE 42");
        assertThat(deleteCalls).allSatisfy(call -> assertThat(call.fetchedBefore()).map(FetchedLead::lead).contains(Lead.withId("42")));
        assertThat(events).filteredOn(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .extracting(event -> ((DeleteLeadEvent.AttemptFinished) event).outcome())
                .containsExactly(AttemptOutcome.ANSWERED, AttemptOutcome.UNREACHABLE, AttemptOutcome.ANSWERED);
    }

    @Test
    void aNotFoundReportedInsideATwoHundredAfterADeleteThatMayHaveLandedSettlesTooAndIsNotRetried() {
        var attempt = new AtomicInteger();
        crm.deletion = call -> {
            if (attempt.incrementAndGet() == 1) {
                throw new ProviderTimeout("slow", Delivery.MAYBE_DELIVERED, null);
            }
            throw RetryRulesTest.reportedInBody(404);
        };

        var attempted = attempts(CallPacer.unpaced()).run(request(false));

        assertThat(attempted.result()).isInstanceOfSatisfying(DeleteLeadResult.Deleted.class, deleted -> {
            assertThat(deleted.outcome()).isEqualTo(DeleteOutcome.ALREADY_DELETED);
            assertThat(deleted.answer().status()).isEqualTo(200);
        });
        assertThat(crm.exchanges).containsExactly("DELETE 42", "DELETE 42");
    }

    @Test
    void aFailureReportedInsideATwoHundredIsRefusedAsTheStatusItNamesOnceAndAuditedWithTheRealStatus() {
        crm.deletion = call -> {
            throw RetryRulesTest.reportedInBody(503);
        };

        var attempted = attempts(CallPacer.unpaced()).run(request(false));

        assertThat(attempted.result()).isInstanceOfSatisfying(DeleteLeadResult.RefusedByProvider.class, refused -> {
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.reportedInBody()).isTrue();
            assertThat(refused.answer().status()).isEqualTo(200);
            assertThat(refused.message()).contains("nope");
        });
        assertThat(crm.exchanges).containsExactly("DELETE 42");
        assertThat(events).filteredOn(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .extracting(event -> ((DeleteLeadEvent.AttemptFinished) event).providerStatus().getAsInt())
                .containsExactly(200);
    }

    @Test
    void aSuccessOfEitherExchangeIsReadThroughItsSharedAnswer() {
        crm.deletion = call -> new DeletedLead("99", FakeCrm.answer(200, Map.of(), "text/plain", "ok"));

        var attempted = attempts(CallPacer.unpaced()).run(request(false));

        assertThat(((DeleteLeadResult.Deleted) attempted.result()).id()).isEqualTo("99");
        assertThat(events).filteredOn(DeleteLeadEvent.AttemptFinished.class::isInstance)
                .extracting(event -> ((DeleteLeadEvent.AttemptFinished) event).providerStatus().getAsInt())
                .containsExactly(200);
    }

    private ProviderAttempts attempts(CallPacer pacer) {
        return new ProviderAttempts(new Timeouts(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30)),
                Clock.fixed(NOW, ZoneOffset.UTC), new SequentialRetries(), pacer, new DeleteLeadEvents(events::add));
    }

    private DeleteRequest request(boolean returnDeletedLead) {
        var account = new IntegratedAccount(ACCOUNT, CRM, Map.of(), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("api_key", "k")));
        var registered = CrmAdapters.of(new AdapterSettings(Duration.ofSeconds(1), "test", AdapterSettings.ONE_MIB), List.of(crm))
                .find(CRM).orElseThrow();
        var command = new DeleteLeadCommand(ACCOUNT, "42", ResponseFormat.UNIFIED, false, List.of(), List.of(),
                returnDeletedLead, Optional.empty(), "caller", "req-1");
        return new DeleteRequest(command, account, registered, LeadId.parse("42", LeadIdFormat.POSITIVE_INT64),
                Deadline.after(Duration.ofSeconds(30)),
                new AuditedCall(AuditTrail.none(), new AuditTrail.Deletion("req-1", ACCOUNT, CRM, "42")));
    }
}
