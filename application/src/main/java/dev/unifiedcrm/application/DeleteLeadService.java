package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The delete-lead use case: checks the request in the API's order (format, account, lead id, then
 * the {@code Idempotency-Key}, checked and claimed in the {@link IdempotencyStore}), records the
 * deletion in the {@link AuditTrail} before the first provider call and after the last, and leaves
 * the provider calls themselves (pacing, retries, events) to {@link ProviderAttempts}. When the
 * first audit record cannot be written, the provider is not called ({@link DeleteLeadResult.NotAudited}).
 * It answers a {@link DeleteLeadResult}; {@link UnifiedAnswers} renders it.
 *
 * <p>Build one with {@link #builder}; the {@code resilience} module offers one fully equipped.
 * Thread-safe when its ports are.
 */
public final class DeleteLeadService implements DeleteLeadUseCase {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7e]{1,255}");
    private static final System.Logger LOG = System.getLogger(DeleteLeadService.class.getName());

    private final AccountDirectory accounts;
    private final CrmAdapters adapters;
    private final Timeouts timeouts;
    private final IdempotencyStore idempotency;
    private final AuditTrail auditTrail;
    private final DeleteLeadEvents events;
    private final ProviderAttempts attempts;

    /**
     * A service with the given time limits and the application's defaults for the rest: one
     * attempt per exchange (no retries), no pacing, an in-memory idempotency store, no listener.
     */
    public DeleteLeadService(AccountDirectory accounts, CrmAdapters adapters, Timeouts timeouts, Clock clock) {
        this(builder(accounts, adapters).timeouts(timeouts).clock(clock));
    }

    private DeleteLeadService(Builder builder) {
        this.accounts = builder.accounts;
        this.adapters = builder.adapters;
        this.timeouts = builder.timeouts;
        this.idempotency = builder.idempotency != null ? builder.idempotency : new InMemoryIdempotencyStore(builder.clock);
        this.auditTrail = builder.auditTrail;
        this.events = new DeleteLeadEvents(builder.listener);
        this.attempts = new ProviderAttempts(builder.timeouts, builder.clock, builder.retries, builder.pacer, events);
    }

    /**
     * A builder whose defaults are: {@link Timeouts#DEFAULTS}, the system clock in UTC, a single
     * attempt per exchange, no pacing, an {@link InMemoryIdempotencyStore} on that clock, no listener,
     * no audit trail.
     */
    public static Builder builder(AccountDirectory accounts, CrmAdapters adapters) {
        return new Builder(accounts, adapters);
    }

    @Override
    public DeleteLeadResult deleteLead(DeleteLeadCommand command) {
        long startNanos = System.nanoTime();
        DeleteLeadResult result = handle(command);
        events.emit(new DeleteLeadEvent.RequestFinished(command.requestId(), result.integration(), command.format(),
                UnifiedAnswers.status(command.format(), result), Duration.ofNanos(System.nanoTime() - startNanos)));
        return result;
    }

    private DeleteLeadResult handle(DeleteLeadCommand command) {
        if (command.returnDeletedLead() && command.format().passesProviderAnswerOn()) {
            return new DeleteLeadResult.InvalidRequest(Optional.empty(), "return_deleted_lead=true cannot be combined with"
                    + " truto_response_format=" + command.format().parameterValue() + ": use "
                    + ResponseFormat.leadShowingValues() + " to receive the deleted lead");
        }
        var account = accounts.find(command.accountId()).orElse(null);
        if (account == null) {
            return new DeleteLeadResult.AccountUnknown(command.accountId());
        }
        var registered = adapters.find(account.integration()).orElseThrow(() -> new IllegalStateException(
                "no adapter for integration " + account.integration() + " is on the class path"));
        LeadId leadId;
        try {
            leadId = LeadId.parse(command.leadId(), registered.provider().leadIdFormat());
        } catch (InvalidLeadIdException e) {
            return new DeleteLeadResult.InvalidLeadId(account.integration(), command.leadId(), e.getMessage());
        }
        var refusedQuery = registered.provider().remoteQueryRefusal(command.remoteQuery());
        if (refusedQuery.isPresent()) {
            return new DeleteLeadResult.InvalidRequest(Optional.of(account.integration()), refusedQuery.get());
        }
        var request = new DeleteRequest(command, account, registered, leadId, Deadline.after(timeouts.request()),
                new AuditedCall(auditTrail, new AuditTrail.Deletion(command.requestId(), account.id(),
                        account.integration(), leadId.value())));
        if (command.idempotencyKey().isEmpty()) {
            return call(request).result();
        }
        return callOnce(request, command.idempotencyKey().get());
    }

    /** With an {@code Idempotency-Key}: one provider call per key, account and id. */
    private DeleteLeadResult callOnce(DeleteRequest request, String key) {
        var integration = request.account().integration();
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            return new DeleteLeadResult.InvalidRequest(Optional.of(integration),
                    "The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
        }
        IdempotencyStore.Claim claim;
        try {
            claim = idempotency.claim(new IdempotencyStore.Key(request.command().caller(), key),
                    new IdempotencyStore.Request(request.account().id(), request.leadId().value()), request.deadline().remaining());
        } catch (IdempotencyStoreUnavailable e) {
            // Without the store nobody can tell a first request from a repeat: calling the provider could delete twice.
            return new DeleteLeadResult.IdempotencyStoreDown(integration);
        }
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            events.emit(new DeleteLeadEvent.IdempotentReplay(request.command().requestId(), request.account().id(),
                    integration, replay.answer().status()));
            return new DeleteLeadResult.Replayed(integration, replay.answer());
        }
        if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            return new DeleteLeadResult.IdempotencyKeyMismatch(integration);
        }
        if (claim instanceof IdempotencyStore.Claim.Busy) {
            return new DeleteLeadResult.IdempotencyKeyBusy(integration);
        }
        var ticket = ((IdempotencyStore.Claim.Owned) claim).ticket();
        ProviderAttempts.Attempted attempted;
        try {
            attempted = call(request);
        } catch (RuntimeException | Error e) {
            ticket.release();
            throw e;
        }
        // Only an answer the provider really gave is worth repeating; anything else may go better next time.
        if (attempted.providerAnswered() && UnifiedAnswers.status(request.command().format(), attempted.result()) < 500) {
            ticket.store(UnifiedAnswers.render(request.command(), attempted.result()));
        } else {
            ticket.release();
        }
        return attempted.result();
    }

    /** The provider call(s) between the audit trail's two entries. */
    private ProviderAttempts.Attempted call(DeleteRequest request) {
        ProviderAttempts.Attempted attempted;
        try {
            attempted = attempts.run(request);
        } catch (AuditedCall.NotRecorded e) {
            LOG.log(System.Logger.Level.ERROR, "request_id=" + request.command().requestId()
                    + " the audit trail could not record the start of this deletion; the provider was not called", e);
            return new ProviderAttempts.Attempted(new DeleteLeadResult.NotAudited(request.account().integration()), false);
        } catch (RuntimeException | Error e) {
            request.audit().finish(AuditTrail.Outcome.FAILED);
            throw e;
        }
        request.audit().finish(AuditedCall.outcomeOf(attempted.result()));
        return attempted;
    }

    /** Assembles a {@link DeleteLeadService}; not thread-safe, build once at start-up. */
    public static final class Builder {
        private final AccountDirectory accounts;
        private final CrmAdapters adapters;
        private Timeouts timeouts = Timeouts.DEFAULTS;
        private Clock clock = Clock.systemUTC();
        private RetryExecutor retries = RetryExecutor.singleAttempt();
        private CallPacer pacer = CallPacer.unpaced();
        private IdempotencyStore idempotency;
        private DeleteLeadListener listener = DeleteLeadListener.none();
        private AuditTrail auditTrail = AuditTrail.none();

        private Builder(AccountDirectory accounts, CrmAdapters adapters) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            this.adapters = Objects.requireNonNull(adapters, "adapters");
        }

        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
            return this;
        }

        /** The wall clock for {@code Retry-After} dates, rate-limit resets and the default idempotency store. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder retries(RetryExecutor retries) {
            this.retries = Objects.requireNonNull(retries, "retries");
            return this;
        }

        public Builder pacer(CallPacer pacer) {
            this.pacer = Objects.requireNonNull(pacer, "pacer");
            return this;
        }

        public Builder idempotencyStore(IdempotencyStore idempotency) {
            this.idempotency = Objects.requireNonNull(idempotency, "idempotency");
            return this;
        }

        public Builder listener(DeleteLeadListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** Where deletions are recorded (the api-http README, section Audit trail); by default nowhere. */
        public Builder auditTrail(AuditTrail auditTrail) {
            this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
            return this;
        }

        public DeleteLeadService build() {
            return new DeleteLeadService(this);
        }
    }
}
