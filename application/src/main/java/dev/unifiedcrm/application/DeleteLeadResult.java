package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a delete request came to, as a value a Java caller can switch over. It holds no transport
 * type: {@link UnifiedAnswers} renders it as the unified answer (status, headers, body) that the HTTP
 * service sends.
 *
 * <p>Three families: the provider {@linkplain Deleted deleted} the lead; the provider was called and
 * did not ({@link RefusedByProvider}, {@link ProviderBrokeContract}, {@link ProviderUnreachable},
 * {@link ProviderTimedOut}); or the request was settled here without calling it ({@link InvalidRequest},
 * {@link AccountUnknown}, {@link InvalidLeadId}, {@link RateLimited}, {@link IdempotencyKeyMismatch},
 * {@link IdempotencyKeyBusy}, {@link IdempotencyStoreDown}, {@link Replayed}, {@link NotAudited}).
 */
public sealed interface DeleteLeadResult {

    /** The account's integration, empty when the request was refused before its account was known. */
    Optional<Integration> integration();

    /**
     * The lead is gone.
     *
     * @param id         the deleted lead's id (the provider's when its answer names one, else the one sent)
     * @param lead       the lead as it was before the delete, when {@code return_deleted_lead} fetched it; else
     *                   the lead as the delete's answer describes it, for providers that answer with it
     * @param answer     the provider's answer to the delete (its 404 for {@link DeleteOutcome#ALREADY_DELETED})
     * @param answeredAt when that answer came, which relative rate-limit figures are counted from
     */
    record Deleted(Integration provider, String id, DeleteOutcome outcome, Optional<Lead> lead,
                   ProviderAnswer answer, Instant answeredAt) implements DeleteLeadResult {
        public Deleted {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(lead, "lead");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /**
     * The provider refused: it answered with a 4xx or 5xx status, or reported a failure inside a 2xx body.
     *
     * @param status  the status the refusal stands for: the answer's, or for a failure reported inside a
     *                2xx body the 4xx or 5xx status the body names
     * @param message the message of the provider's error body, when it has one
     * @param answer  the provider's answer as it came (its own status, which differs from {@code status}
     *                exactly when the failure was reported inside a 2xx body)
     * @param answersACheck whether {@code answer} answered a check the adapter made before the delete (the
     *                delete was not sent), not the delete itself: never passed on as the raw answer
     */
    record RefusedByProvider(Integration provider, int status, Optional<String> message, ProviderAnswer answer,
                             Instant answeredAt, boolean answersACheck) implements DeleteLeadResult {
        public RefusedByProvider {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(answeredAt, "answeredAt");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("a refusal stands for a 4xx or 5xx status, was " + status);
            }
            if (!answer.isSuccess() && answer.status() != status) {
                throw new IllegalArgumentException("a 4xx or 5xx answer stands for its own status: answered "
                        + answer.status() + ", given " + status);
            }
        }

        /** A refusal of the delete (or fetch) itself. */
        public RefusedByProvider(Integration provider, int status, Optional<String> message, ProviderAnswer answer,
                                 Instant answeredAt) {
            this(provider, status, message, answer, answeredAt, false);
        }

        /** Whether the provider answered 2xx and named the failure in the body. */
        public boolean reportedInBody() {
            return answer.isSuccess();
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** The provider answered, but not as its API says (a redirect, an unexpected body, a body too large). */
    record ProviderBrokeContract(Integration provider, ProviderContractBreach.Kind kind, String detail,
                                 ProviderAnswer answer, Instant answeredAt) implements DeleteLeadResult {
        public ProviderBrokeContract {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(answer, "answer");
            Objects.requireNonNull(answeredAt, "answeredAt");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** No answer came: the connection could not be opened, or broke before the answer was complete. */
    record ProviderUnreachable(Integration provider, String detail) implements DeleteLeadResult {
        public ProviderUnreachable {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** No complete answer came within the time the request had. */
    record ProviderTimedOut(Integration provider, String detail) implements DeleteLeadResult {
        public ProviderTimedOut {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /**
     * The request contradicts itself or carries a malformed header (a raw answer cannot carry the
     * deleted lead; an {@code Idempotency-Key} must be printable ASCII); {@code message} says what is accepted.
     */
    record InvalidRequest(Optional<Integration> integration, String message) implements DeleteLeadResult {
        public InvalidRequest {
            Objects.requireNonNull(integration, "integration");
            Objects.requireNonNull(message, "message");
        }
    }

    /** No integrated account has this id. */
    record AccountUnknown(IntegratedAccountId account) implements DeleteLeadResult {
        public AccountUnknown {
            Objects.requireNonNull(account, "account");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.empty();
        }
    }

    /**
     * The lead id is not one the account's CRM can hold.
     *
     * @param reason what the id must look like, from the integration's id format
     */
    record InvalidLeadId(Integration provider, String leadId, String reason) implements DeleteLeadResult {
        public InvalidLeadId {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** The account's local rate limit would have made the call wait {@code waitTime}, past its deadline. */
    record RateLimited(Integration provider, IntegratedAccountId account, Duration waitTime) implements DeleteLeadResult {
        public RateLimited {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(waitTime, "waitTime");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** The {@code Idempotency-Key} was first used for another account or lead id. */
    record IdempotencyKeyMismatch(Integration provider) implements DeleteLeadResult {
        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** A request with the same {@code Idempotency-Key} is still running. */
    record IdempotencyKeyBusy(Integration provider) implements DeleteLeadResult {
        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /**
     * The request has an {@code Idempotency-Key} and the store of keys could not be reached (a shared
     * store that is down): the provider was not called, since a repeat could not be told from a first
     * request. Worth trying again shortly.
     */
    record IdempotencyStoreDown(Integration provider) implements DeleteLeadResult {
        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /**
     * A repeat of a request with the same {@code Idempotency-Key}: {@code answer} is the answer the
     * first one got, as it was rendered then; the provider was not called again.
     */
    record Replayed(Integration provider, ApiResponse answer) implements DeleteLeadResult {
        public Replayed {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(answer, "answer");
        }

        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }

    /** The audit trail could not record the start of the deletion, so the provider was not called. */
    record NotAudited(Integration provider) implements DeleteLeadResult {
        @Override
        public Optional<Integration> integration() {
            return Optional.of(provider);
        }
    }
}
