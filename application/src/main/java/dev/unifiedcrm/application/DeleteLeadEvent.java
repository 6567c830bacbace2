package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something that happened while a delete request was served, for metrics and audit. Every event
 * names the request by its {@code requestId}. Events hold no credential and no provider body.
 */
public sealed interface DeleteLeadEvent {

    String requestId();

    /** Which provider exchange an attempt belongs to. */
    enum Exchange {
        /** The fetch of {@code return_deleted_lead}. */
        FETCH,
        /** The delete itself. */
        DELETE
    }

    /** How one attempt ended. */
    enum AttemptOutcome {
        /** The provider answered (any status). */
        ANSWERED,
        /** No complete answer came in time. */
        TIMEOUT,
        /** The provider could not be reached, or the connection broke before the answer was complete. */
        UNREACHABLE
    }

    /** A provider exchange is about to be sent ({@code attempt} counts from 1). */
    record AttemptStarted(String requestId, IntegratedAccountId account, Integration integration,
                          Exchange exchange, int attempt) implements DeleteLeadEvent {
    }

    /**
     * A provider exchange ended.
     *
     * @param providerStatus the provider's status when it answered, empty when no answer came
     * @param outcome        whether the provider answered, timed out or could not be reached
     * @param latency        from sending to the end of the exchange
     */
    record AttemptFinished(String requestId, IntegratedAccountId account, Integration integration,
                           Exchange exchange, int attempt, OptionalInt providerStatus, AttemptOutcome outcome,
                           Duration latency) implements DeleteLeadEvent {
    }

    /** An exchange is being tried again ({@code attempt} is the new attempt's number, 2 or more). */
    record Retry(String requestId, IntegratedAccountId account, Integration integration,
                 Exchange exchange, int attempt) implements DeleteLeadEvent {
    }

    /** The local rate limit answered 429 without calling the provider. */
    record RateLimitRejection(String requestId, IntegratedAccountId account, Integration integration,
                              Duration wouldHaveWaited) implements DeleteLeadEvent {
    }

    /** A stored answer was given again for an {@code Idempotency-Key}, without calling the provider. */
    record IdempotentReplay(String requestId, IntegratedAccountId account, Integration integration,
                            int status) implements DeleteLeadEvent {
    }

    /**
     * The request was answered.
     *
     * @param integration empty when the request failed before its account was known
     */
    record RequestFinished(String requestId, Optional<Integration> integration, ResponseFormat format,
                           int status, Duration duration) implements DeleteLeadEvent {
    }
}
