package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The record of deletions (the api-http README, section Audit trail): the outgoing port behind which a
 * file, a database or a log shipper keeps, for each request that reaches the provider call, a
 * {@linkplain #started started} entry before the first provider call and a
 * {@linkplain #finished finished} entry after the last.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>{@link #started} returns only once the entry is durable (written and flushed); when it
 *       cannot be, it throws an unchecked exception. The request is then answered 500 and the
 *       provider is never called, so nothing is deleted without a record;</li>
 *   <li>{@link #finished} records how it ended. The provider has been called by then, so a failure
 *       here cannot change the answer: an exception is logged and otherwise ignored;</li>
 *   <li>entries are only ever added, never changed or removed;</li>
 *   <li>thread-safe: entries of concurrent requests never mix.</li>
 * </ul>
 * What an entry holds never includes a credential: {@link Deletion} has no place for one.
 */
public interface AuditTrail {

    /**
     * Records that the provider is about to be called for {@code deletion}.
     *
     * @throws RuntimeException (for example {@link java.io.UncheckedIOException}) when the entry
     *                          could not be made durable
     */
    void started(Deletion deletion);

    /** Records how the deletion ended, after the last provider call. */
    void finished(Deletion deletion, Result result);

    /** Records nothing: the default, when no audit trail is configured. */
    static AuditTrail none() {
        return new AuditTrail() {
            @Override
            public void started(Deletion deletion) {
            }

            @Override
            public void finished(Deletion deletion, Result result) {
            }
        };
    }

    /**
     * Which deletion an entry is about.
     *
     * @param requestId the request's id ({@code x-request-id})
     * @param leadId    the lead id as sent to the provider (checked against the integration's format)
     */
    record Deletion(String requestId, IntegratedAccountId accountId, Integration integration, String leadId) {
        public Deletion {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(integration, "integration");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /**
     * How a deletion ended.
     *
     * @param providerStatus the status of the provider's last answer; empty when the last call got
     *                       no answer (timeout, connection failure)
     * @param duration       from the started entry to the end of the last provider call
     */
    record Result(Outcome outcome, OptionalInt providerStatus, Duration duration) {
        public Result {
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(providerStatus, "providerStatus");
            Objects.requireNonNull(duration, "duration");
        }
    }

    /** The end of a deletion, as the {@code x-delete-outcome} header and the audit trail spell it. */
    enum Outcome {
        /** The provider deleted the lead. */
        DELETED("deleted"),
        /** An earlier attempt may have deleted it and a later one found it gone: gone either way. */
        ALREADY_DELETED("already_deleted"),
        /** The service cannot say the lead is gone: the provider refused, failed or never answered. */
        FAILED("failed");

        private final String wireName;

        Outcome(String wireName) {
            this.wireName = wireName;
        }

        /** {@code deleted}, {@code already_deleted} or {@code failed}. */
        public String wireName() {
            return wireName;
        }
    }
}
