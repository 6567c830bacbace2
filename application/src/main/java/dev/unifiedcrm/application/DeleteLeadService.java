package dev.unifiedcrm.application;

import dev.unifiedcrm.application.DeleteLeadEvent.Exchange;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.QueryParameter;
import dev.unifiedcrm.domain.RemoteBody;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The delete-lead use case: checks the request in the contract's order, calls the account's
 * adapter, and shapes the answer in the requested format. Step 6 of the order of checks is
 * the reliability step: the {@code Idempotency-Key} (checked, then claimed in the {@link IdempotencyStore}),
 * then the local rate limit ({@link CallPacer}); each provider exchange is then retried as
 * {@link RetryRules} says, by the {@link RetryExecutor}. Every attempt takes a turn from the pacer;
 * a call waits for its turn unless that wait is longer than the time left (the contract's rule), in
 * which case it is answered 429 with {@code Retry-After} and the provider is not called. A request that reaches the provider call
 * is recorded in the {@link AuditTrail} before the first call and after the last; when the first
 * record cannot be written, the answer is 500 and the provider is not called.
 *
 * <p>Build one with {@link #builder}; the {@code resilience} module offers one fully equipped.
 * Thread-safe when its ports are.
 */
public final class DeleteLeadService implements DeleteLeadUseCase {

    static final String OUTCOME_HEADER = "x-delete-outcome";
    /** Marks an answer given again from the idempotency store. */
    public static final String REPLAYED_HEADER = "idempotent-replayed";
    private static final int MAX_ECHOED_ID_LENGTH = 64;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7e]{1,255}");
    private static final System.Logger LOG = System.getLogger(DeleteLeadService.class.getName());

    private final AccountDirectory accounts;
    private final CrmAdapters adapters;
    private final Timeouts timeouts;
    private final Clock clock;
    private final RetryExecutor retries;
    private final CallPacer pacer;
    private final IdempotencyStore idempotency;
    private final DeleteLeadListener listener;
    private final AuditTrail auditTrail;

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
        this.clock = builder.clock;
        this.retries = builder.retries;
        this.pacer = builder.pacer;
        this.idempotency = builder.idempotency != null ? builder.idempotency : new InMemoryIdempotencyStore(builder.clock);
        this.listener = builder.listener;
        this.auditTrail = builder.auditTrail;
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
    public ApiResponse deleteLead(DeleteLeadCommand command) {
        long startNanos = System.nanoTime();
        Integration[] integration = new Integration[1];
        ApiResponse response = handle(command, integration);
        emit(new DeleteLeadEvent.RequestFinished(command.requestId(), Optional.ofNullable(integration[0]),
                command.format(), response.status(), Duration.ofNanos(System.nanoTime() - startNanos)));
        return response;
    }

    private ApiResponse handle(DeleteLeadCommand command, Integration[] integration) {
        if (command.returnDeletedLead() && command.format() == ResponseFormat.RAW) {
            return ApiErrors.badRequest("return_deleted_lead=true cannot be combined with truto_response_format=raw:"
                    + " use unified or normalized to receive the deleted lead");
        }
        var account = accounts.find(command.accountId()).orElse(null);
        if (account == null) {
            return ApiErrors.error(404, "No integrated account with id " + command.accountId()
                    + " exists; check integrated_account_id.");
        }
        integration[0] = account.integration();
        var registered = adapters.find(account.integration()).orElseThrow(() -> new IllegalStateException(
                "no adapter for integration " + account.integration() + " is on the class path"));
        LeadId leadId;
        try {
            leadId = LeadId.parse(command.leadId(), registered.provider().leadIdFormat());
        } catch (InvalidLeadIdException e) {
            return ApiErrors.badRequest("The lead id '" + echo(command.leadId()) + "' is not valid for "
                    + account.integration() + ": " + e.getMessage() + ".");
        }
        var request = new Request(command, account, registered, leadId, Deadline.after(timeouts.request()),
                new AuditedCall(auditTrail, new AuditTrail.Deletion(command.requestId(), account.id(),
                        account.integration(), leadId.value())));
        if (command.idempotencyKey().isEmpty()) {
            return call(request).response();
        }
        return callOnce(request, command.idempotencyKey().get());
    }

    /** Step 6 with an {@code Idempotency-Key}: one provider call per key, account and id. */
    private ApiResponse callOnce(Request request, String key) {
        if (!IDEMPOTENCY_KEY.matcher(key).matches()) {
            return ApiErrors.badRequest("The Idempotency-Key header must be 1 to 255 printable ASCII characters.");
        }
        var claim = idempotency.claim(new IdempotencyStore.Key(request.command.caller(), key),
                new IdempotencyStore.Request(request.account.id(), request.leadId.value()), request.deadline.remaining());
        if (claim instanceof IdempotencyStore.Claim.Replay replay) {
            emit(new DeleteLeadEvent.IdempotentReplay(request.command.requestId(), request.account.id(),
                    request.account.integration(), replay.answer().status()));
            return replay.answer().withHeader(REPLAYED_HEADER, "true");
        }
        if (claim instanceof IdempotencyStore.Claim.Mismatch) {
            return ApiErrors.error(422, "This Idempotency-Key was already used for another integrated account or lead id;"
                    + " use a new key for a new request.");
        }
        if (claim instanceof IdempotencyStore.Claim.Busy) {
            return ApiErrors.error(409, "A request with this Idempotency-Key is still running; try again once it has finished.");
        }
        var ticket = ((IdempotencyStore.Claim.Owned) claim).ticket();
        Outcome outcome;
        try {
            outcome = call(request);
        } catch (RuntimeException | Error e) {
            ticket.release();
            throw e;
        }
        // Only an answer the provider really gave is worth repeating; anything else may go better next time.
        if (outcome.providerAnswered() && outcome.response().status() < 500) {
            ticket.store(outcome.response());
        } else {
            ticket.release();
        }
        return outcome.response();
    }

    /** The provider call(s) between the audit trail's two entries. */
    private Outcome call(Request request) {
        Outcome outcome;
        try {
            outcome = attempts(request);
        } catch (AuditedCall.NotRecorded e) {
            LOG.log(System.Logger.Level.ERROR, "request_id=" + request.command.requestId()
                    + " the audit trail could not record the start of this deletion; the provider was not called", e);
            return new Outcome(ApiErrors.internalError(), false);
        } catch (RuntimeException | Error e) {
            request.audit.finish(AuditTrail.Outcome.FAILED);
            throw e;
        }
        request.audit.finish(AuditedCall.outcomeOf(outcome.response()));
        return outcome;
    }

    /** The provider call(s), paced and retried; never throws for a provider failure. */
    private Outcome attempts(Request request) {
        var log = new AttemptLog();
        try {
            FetchedLead fetched = request.command.returnDeletedLead()
                    ? withRetries(request, Exchange.FETCH, log, call -> request.registered.adapter().lookup().fetch(call))
                    : null;
            try {
                DeletedLead deleted = withRetries(request, Exchange.DELETE, log,
                        call -> request.registered.adapter().deletion().delete(call));
                return new Outcome(success(request.command, deleted.answer(), deleted.id(), fetched, "deleted"), true);
            } catch (ProviderRejection rejection) {
                if (rejection.status() == 404 && log.deleteMaybeDelivered) {
                    // An earlier attempt may have deleted the lead: either way it is gone.
                    return new Outcome(success(request.command, rejection.providerAnswer(),
                            request.leadId.value(), fetched, "already_deleted"), true);
                }
                throw rejection;
            }
        } catch (PacingRefusal refusal) {
            if (log.lastFailure != null) {
                return shown(request, log, log.lastFailure);
            }
            emit(new DeleteLeadEvent.RateLimitRejection(request.command.requestId(), request.account.id(),
                    request.account.integration(), refusal.waitTime));
            long seconds = Math.max(1, (refusal.waitTime.toNanos() + 999_999_999L) / 1_000_000_000L);
            return new Outcome(ApiErrors.error(429, "Too many requests for integrated account " + request.account.id()
                    + ": its local rate limit would make this call wait longer than the time left. Retry after "
                    + seconds + " s.", Map.of("retry-after", String.valueOf(seconds))), false);
        } catch (ProviderFailure failure) {
            return shown(request, log, failure);
        }
    }

    /** When time ran out after a provider answered, that answer says more than the timeout. */
    private Outcome shown(Request request, AttemptLog log, ProviderFailure last) {
        ProviderFailure shown = last instanceof ProviderTimeout && log.lastAnswered != null ? log.lastAnswered : last;
        return new Outcome(failure(request.command, request.account, shown), shown.delivery() == Delivery.ANSWERED);
    }

    private <T> T withRetries(Request request, Exchange exchange, AttemptLog log, Function<ProviderCall, T> port) {
        var plan = new RetryPlan(RetryRules.MAX_ATTEMPTS, request.deadline,
                failure -> RetryRules.decide(failure, request.deadline.remaining(), clock.instant()));
        List<QueryParameter> query = exchange == Exchange.DELETE ? request.command.remoteQuery() : List.of();
        OptionalDouble rate = request.account.pacing().effectiveRate(request.registered.provider().documentedRequestsPerSecond());
        return retries.execute(plan, number -> {
            String requestId = request.command.requestId();
            if (number > 1) {
                emit(new DeleteLeadEvent.Retry(requestId, request.account.id(), request.account.integration(), exchange, number));
            }
            var turn = pacer.awaitTurn(request.account.id(), rate, request.deadline.remaining());
            if (!turn.granted()) {
                throw new PacingRefusal(turn.waitTime());
            }
            ProviderCall call = exchange(request.account, request.leadId, query, request.deadline);
            request.audit.beforeProviderCall();
            emit(new DeleteLeadEvent.AttemptStarted(requestId, request.account.id(), request.account.integration(), exchange, number));
            long sent = System.nanoTime();
            try {
                T result = port.apply(call);
                request.audit.providerAnswered(OptionalInt.of(answerOf(result).status()));
                emit(new DeleteLeadEvent.AttemptFinished(requestId, request.account.id(), request.account.integration(),
                        exchange, number, OptionalInt.of(answerOf(result).status()), "answered",
                        Duration.ofNanos(System.nanoTime() - sent)));
                return result;
            } catch (ProviderFailure failure) {
                log.record(exchange, failure);
                request.audit.providerAnswered(failure.answer().map(a -> OptionalInt.of(a.status())).orElse(OptionalInt.empty()));
                emit(new DeleteLeadEvent.AttemptFinished(requestId, request.account.id(), request.account.integration(),
                        exchange, number, failure.answer().map(a -> OptionalInt.of(a.status())).orElse(OptionalInt.empty()),
                        outcomeOf(failure), Duration.ofNanos(System.nanoTime() - sent)));
                throw failure;
            }
        });
    }

    private static ProviderAnswer answerOf(Object result) {
        return result instanceof DeletedLead deleted ? deleted.answer() : ((FetchedLead) result).answer();
    }

    private static String outcomeOf(ProviderFailure failure) {
        if (failure.delivery() == Delivery.ANSWERED) {
            return "answered";
        }
        return failure instanceof ProviderTimeout ? "timeout" : "unreachable";
    }

    private ProviderCall exchange(IntegratedAccount account, LeadId leadId, List<QueryParameter> query, Deadline deadline) {
        Duration left = deadline.remaining();
        if (left.isZero()) {
            throw new ProviderTimeout("no time was left for the provider call", Delivery.NOT_SENT, null);
        }
        Duration timeout = left.compareTo(timeouts.attempt()) < 0 ? left : timeouts.attempt();
        return new ProviderCall(account, leadId, query, timeout);
    }

    private ApiResponse success(DeleteLeadCommand command, ProviderAnswer answer, String deletedId, FetchedLead fetched,
                                String outcome) {
        var headers = new LinkedHashMap<>(RateLimitHeaders.from(answer, clock.instant()));
        headers.put(OUTCOME_HEADER, outcome);
        if (command.format() == ResponseFormat.RAW) {
            return raw(answer, headers);
        }
        Object remoteData = answer.isSuccess() ? jsonOrNull(answer.parsedBody()) : null;
        Lead lead = fetched != null ? fetched.lead() : Lead.withId(deletedId, remoteData);
        var remoteDataView = command.ignoreRemoteData() ? LeadViews.RemoteData.OMIT : LeadViews.RemoteData.INCLUDE;
        Map<String, Object> tree = command.format() == ResponseFormat.NORMALIZED
                ? LeadViews.normalized(lead, remoteDataView)
                : LeadViews.unified(lead, remoteDataView);
        FieldExclusions.apply(tree, command.excludedFields());
        return ApiResponse.json(200, headers, tree);
    }

    private ApiResponse failure(DeleteLeadCommand command, IntegratedAccount account, ProviderFailure failure) {
        Map<String, String> headers = failure.answer()
                .map(answer -> RateLimitHeaders.from(answer, clock.instant()))
                .orElse(Map.of());
        String integration = account.integration().name();
        if (failure instanceof ProviderRejection rejection) {
            ProviderAnswer answer = rejection.providerAnswer();
            String message = rejection.providerMessage()
                    .orElse(integration + " answered " + answer.status() + " " + ReasonPhrases.of(answer.status()) + ".");
            if (answer.status() < 500) {
                if (command.format() == ResponseFormat.RAW) {
                    return raw(answer, headers);
                }
                return ApiResponse.json(answer.status(), headers,
                        ApiErrors.remoteBody(answer.status(), message, null, rawResponse(answer)));
            }
            return ApiResponse.json(502, headers, ApiErrors.remoteBody(502, message, answer.status(), rawResponse(answer)));
        }
        if (failure instanceof ProviderContractBreach breach) {
            ProviderAnswer answer = breach.providerAnswer();
            if (command.format() == ResponseFormat.RAW && breach.kind() == ProviderContractBreach.Kind.UNEXPECTED_BODY
                    && answer.status() < 500) {
                return raw(answer, headers);
            }
            return ApiResponse.json(502, headers,
                    ApiErrors.remoteBody(502, integration + " broke its API contract: " + breach.getMessage(),
                            answer.status(), rawResponse(answer)));
        }
        if (failure instanceof ProviderTimeout) {
            return ApiErrors.error(504, integration + " did not answer in time (" + failure.getMessage() + ").", headers);
        }
        if (failure instanceof ProviderUnreachable) {
            return ApiErrors.error(502, "Could not get an answer from " + integration + ": " + failure.getMessage() + ".", headers);
        }
        throw new IllegalStateException("unknown provider failure " + failure.getClass().getName(), failure);
    }

    private void emit(DeleteLeadEvent event) {
        try {
            listener.on(event);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a DeleteLeadListener failed on " + event.getClass().getSimpleName(), e);
        }
    }

    private static ApiResponse raw(ProviderAnswer answer, Map<String, String> headers) {
        return new ApiResponse(answer.status(), headers, new ResponseBody.Raw(answer.contentType(), answer.body()));
    }

    private static Object jsonOrNull(RemoteBody body) {
        return body instanceof RemoteBody.Json json ? json.value() : null;
    }

    /** The provider's body for {@code raw_response}: its JSON, else its text, else null. */
    static Object rawResponse(ProviderAnswer answer) {
        RemoteBody body = answer.parsedBody();
        if (body instanceof RemoteBody.Json json) {
            return json.value();
        }
        if (body instanceof RemoteBody.Text text) {
            return text.value();
        }
        return null;
    }

    private static String echo(String id) {
        return id.length() <= MAX_ECHOED_ID_LENGTH ? id : id.substring(0, MAX_ECHOED_ID_LENGTH) + "...";
    }

    /** A request that passed steps 1 to 5. */
    private record Request(DeleteLeadCommand command, IntegratedAccount account, CrmAdapters.Registered registered,
                           LeadId leadId, Deadline deadline, AuditedCall audit) {
    }

    /** An answer, and whether it comes from an exchange the provider finished (what may be stored). */
    private record Outcome(ApiResponse response, boolean providerAnswered) {
    }

    /** What the attempts of one request met, for the answer after the last one. Used by one thread. */
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

        /** Where deletions are recorded (the audit trail); by default nowhere. */
        public Builder auditTrail(AuditTrail auditTrail) {
            this.auditTrail = Objects.requireNonNull(auditTrail, "auditTrail");
            return this;
        }

        public DeleteLeadService build() {
            return new DeleteLeadService(this);
        }
    }
}
