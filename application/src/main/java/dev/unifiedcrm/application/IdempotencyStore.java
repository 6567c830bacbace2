package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;

import java.time.Duration;
import java.util.Objects;

/**
 * Remembers answers by {@code Idempotency-Key} (the root README's Reliability section): the outgoing port behind which
 * answers are kept, in memory ({@link InMemoryIdempotencyStore}) or in a store that several
 * instances of the service share.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>a key is scoped to its caller: the same key from two callers is two keys;</li>
 *   <li>{@link #claim} on a free key records it as running for {@code request} and returns
 *       {@link Claim.Owned}; the owner then either {@linkplain Ticket#store stores} the answer or
 *       {@linkplain Ticket#release releases} the key (which frees it), exactly once;</li>
 *   <li>a claim for another {@code request} (account or lead id) than the key was first used for
 *       returns {@link Claim.Mismatch} at once, whether that first request is running or done;</li>
 *   <li>a claim for the same request returns the stored answer ({@link Claim.Replay}); while the
 *       first is still running it waits up to {@code maxWait} for it, then returns
 *       {@link Claim.Busy}; if the first releases the key meanwhile, the claim may own it;</li>
 *   <li>an answer is kept at least until it is 24 hours old unless room is needed: a bounded store
 *       may forget its oldest entries; a forgotten key is free again;</li>
 *   <li>a store that cannot answer a claim (it lives elsewhere and is unreachable) throws
 *       {@link IdempotencyStoreUnavailable}; {@link Ticket#store} and {@link Ticket#release} never
 *       throw for that reason: the answer is already given, and an unfinished claim expires in the
 *       store on its own.</li>
 * </ul>
 * Thread-safe: claims for one key from many threads at once are the point of this port.
 */
@FunctionalInterface
public interface IdempotencyStore {

    /** @throws IdempotencyStoreUnavailable when the store cannot be reached or fails */
    Claim claim(Key key, Request request, Duration maxWait);

    /** An idempotency key as its caller sent it; {@code caller} is an opaque id, never a token. */
    record Key(String caller, String value) {
        public Key {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(value, "value");
        }
    }

    /** What a key was first used for: the same key may only ever repeat this request. */
    record Request(IntegratedAccountId account, String leadId) {
        public Request {
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    /** The outcome of a claim. */
    sealed interface Claim {

        /** The key was free: the caller runs the request and must store or release. */
        record Owned(Ticket ticket) implements Claim {
            public Owned {
                Objects.requireNonNull(ticket, "ticket");
            }
        }

        /** The same request already has an answer: answer with it again. */
        record Replay(ApiResponse answer) implements Claim {
            public Replay {
                Objects.requireNonNull(answer, "answer");
            }
        }

        /** The key was used for another account or lead id. */
        record Mismatch() implements Claim {
        }

        /** The same request is still running after {@code maxWait}. */
        record Busy() implements Claim {
        }
    }

    /** The owner's hold on a key; exactly one of the two methods is called, once. */
    interface Ticket {

        /** Keeps {@code answer} for repeats of the request. */
        void store(ApiResponse answer);

        /** Frees the key without an answer: a repeat runs the request again. */
        void release();
    }
}
