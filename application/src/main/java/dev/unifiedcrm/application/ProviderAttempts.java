package dev.unifiedcrm.application;

import dev.unifiedcrm.application.DeleteLeadEvent.AttemptOutcome;
import dev.unifiedcrm.application.DeleteLeadEvent.Exchange;
import dev.unifiedcrm.domain.AnsweredProviderFailure;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderSuccess;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.QueryParameter;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * The provider exchanges of one request: the fetch of {@code return_deleted_lead} when asked, then
 * the delete. Each attempt takes a turn from the {@link CallPacer}, waiting only while one
 * exchange's time is still left after the wait ({@link Timeouts#longestPacingWait}; a later turn
 * refuses the call at once), is retried as {@link RetryRules} says by the {@link RetryExecutor}, is told
 * to the listener and to the audit trail. A provider's failure becomes a result; only a defect
 * or {@link AuditedCall.NotRecorded} is thrown.
 */
final class ProviderAttempts {

    private final Timeouts timeouts;
    private final Clock clock;
    private final RetryExecutor retries;
    private final CallPacer pacer;
    private final DeleteLeadEvents events;

    ProviderAttempts(Timeouts timeouts, Clock clock, RetryExecutor retries, CallPacer pacer, DeleteLeadEvents events) {
        this.timeouts = timeouts;
        this.clock = clock;
        this.retries = retries;
        this.pacer = pacer;
        this.events = events;
    }

    /** A result, and whether it comes from an exchange the provider finished (what may be stored). */
    record Attempted(DeleteLeadResult result, boolean providerAnswered) {
    }

    Attempted run(DeleteRequest request) {
        var log = new AttemptLog();
        try {
            Optional<FetchedLead> fetched = request.command().returnDeletedLead()
                    ? Optional.of(withRetries(request, Exchange.FETCH, log, call -> request.registered().adapter().lookup().fetch(call)))
                    : Optional.empty();
            try {
                DeletedLead deleted = withRetries(request, Exchange.DELETE, log,
                        call -> request.registered().adapter().deletion().delete(
                                fetched.map(call::withFetchedBefore).orElse(call)));
                // The lead as it was before the delete says more than the delete's own description of it.
                Optional<Lead> lead = fetched.map(FetchedLead::lead).or(deleted::lead);
                return new Attempted(deleted(request, deleted.id(), DeleteOutcome.DELETED, lead, deleted.answer()), true);
            } catch (ProviderRejection rejection) {
                if (rejection.status() == 404 && log.deleteMaybeDelivered) {
                    // An earlier attempt may have deleted the lead: either way it is gone. A 404 reported
                    // inside a 2xx body says the same as a real one.
                    return new Attempted(deleted(request, request.leadId().value(), DeleteOutcome.ALREADY_DELETED,
                            fetched.map(FetchedLead::lead), rejection.providerAnswer()), true);
                }
                throw rejection;
            }
        } catch (PacingRefusal refusal) {
            if (log.lastFailure != null) {
                return shown(request, log, log.lastFailure);
            }
            events.emit(new DeleteLeadEvent.RateLimitRejection(request.command().requestId(), request.account().id(),
                    request.account().integration(), refusal.waitTime));
            return new Attempted(new DeleteLeadResult.RateLimited(request.account().integration(), request.account().id(),
                    refusal.waitTime), false);
        } catch (ProviderFailure failure) {
            return shown(request, log, failure);
        }
    }

    private DeleteLeadResult.Deleted deleted(DeleteRequest request, String id, DeleteOutcome outcome,
                                             Optional<Lead> lead, ProviderAnswer answer) {
        return new DeleteLeadResult.Deleted(request.account().integration(), id, outcome, lead, answer, clock.instant());
    }

    /** When time ran out after a provider answered, that answer says more than the timeout. */
    private Attempted shown(DeleteRequest request, AttemptLog log, ProviderFailure last) {
        ProviderFailure shown = last instanceof ProviderTimeout && log.lastAnswered != null ? log.lastAnswered : last;
        return new Attempted(resultOf(request, shown), shown.delivery() == Delivery.ANSWERED);
    }

    private DeleteLeadResult resultOf(DeleteRequest request, ProviderFailure failure) {
        var integration = request.account().integration();
        if (failure instanceof ProviderRejection rejection) {
            return new DeleteLeadResult.RefusedByProvider(integration, rejection.status(), rejection.providerMessage(),
                    rejection.providerAnswer(), clock.instant(), rejection.answersACheck());
        }
        if (failure instanceof ProviderContractBreach breach) {
            return new DeleteLeadResult.ProviderBrokeContract(integration, breach.kind(), breach.getMessage(),
                    breach.providerAnswer(), clock.instant());
        }
        if (failure instanceof ProviderTimeout) {
            return new DeleteLeadResult.ProviderTimedOut(integration, failure.getMessage());
        }
        return new DeleteLeadResult.ProviderUnreachable(integration, failure.getMessage());
    }

    private <T extends ProviderSuccess> T withRetries(DeleteRequest request, Exchange exchange, AttemptLog log,
                                                      Function<ProviderCall, T> port) {
        var deadline = request.deadline();
        var account = request.account();
        var plan = new RetryPlan(RetryRules.MAX_ATTEMPTS, deadline,
                failure -> RetryRules.decide(failure, deadline.remaining(), clock.instant()));
        List<QueryParameter> query = exchange == Exchange.DELETE ? request.command().remoteQuery() : List.of();
        OptionalDouble rate = account.pacing().effectiveRate(request.registered().provider().documentedRequestsPerSecond());
        String requestId = request.command().requestId();
        return retries.execute(plan, number -> {
            if (number > 1) {
                events.emit(new DeleteLeadEvent.Retry(requestId, account.id(), account.integration(), exchange, number));
            }
            var turn = pacer.awaitTurn(account.id(), rate, timeouts.longestPacingWait(deadline.remaining()));
            if (!turn.granted()) {
                throw new PacingRefusal(turn.waitTime());
            }
            ProviderCall call = exchange(request, query);
            request.audit().beforeProviderCall();
            events.emit(new DeleteLeadEvent.AttemptStarted(requestId, account.id(), account.integration(), exchange, number));
            long sent = System.nanoTime();
            try {
                T result = port.apply(call);
                OptionalInt status = OptionalInt.of(result.answer().status());
                request.audit().providerAnswered(status);
                events.emit(new DeleteLeadEvent.AttemptFinished(requestId, account.id(), account.integration(),
                        exchange, number, status, AttemptOutcome.ANSWERED, Duration.ofNanos(System.nanoTime() - sent)));
                return result;
            } catch (ProviderFailure failure) {
                log.record(exchange, failure);
                OptionalInt status = failure instanceof AnsweredProviderFailure answered
                        ? OptionalInt.of(answered.providerAnswer().status()) : OptionalInt.empty();
                request.audit().providerAnswered(status);
                events.emit(new DeleteLeadEvent.AttemptFinished(requestId, account.id(), account.integration(),
                        exchange, number, status, outcomeOf(failure), Duration.ofNanos(System.nanoTime() - sent)));
                throw failure;
            }
        });
    }

    static AttemptOutcome outcomeOf(ProviderFailure failure) {
        if (failure.delivery() == Delivery.ANSWERED) {
            return AttemptOutcome.ANSWERED;
        }
        return failure instanceof ProviderTimeout ? AttemptOutcome.TIMEOUT : AttemptOutcome.UNREACHABLE;
    }

    private ProviderCall exchange(DeleteRequest request, List<QueryParameter> query) {
        Duration left = request.deadline().remaining();
        if (left.isZero()) {
            throw new ProviderTimeout("no time was left for the provider call", Delivery.NOT_SENT, null);
        }
        Duration timeout = left.compareTo(timeouts.attempt()) < 0 ? left : timeouts.attempt();
        return new ProviderCall(request.account(), request.leadId(), query, timeout);
    }

    /** What the attempts of one request met, for the result after the last one. Used by one thread. */
    private static final class AttemptLog {
        ProviderFailure lastFailure;
        ProviderFailure lastAnswered;
        boolean deleteMaybeDelivered;

        void record(Exchange exchange, ProviderFailure failure) {
            lastFailure = failure;
            if (failure.delivery() == Delivery.ANSWERED) {
                lastAnswered = failure;
            }
            if (exchange == Exchange.DELETE && failure.delivery() == Delivery.MAYBE_DELIVERED) {
                deleteMaybeDelivered = true;
            }
        }
    }

    /** The local rate limit refused a turn: not a provider failure, never retried. */
    private static final class PacingRefusal extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Duration waitTime;

        PacingRefusal(Duration waitTime) {
            super("local rate limit", null, false, false);
            this.waitTime = waitTime;
        }
    }
}
