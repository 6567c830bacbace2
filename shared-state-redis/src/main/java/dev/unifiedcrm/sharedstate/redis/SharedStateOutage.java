package dev.unifiedcrm.sharedstate.redis;

/**
 * Hears every time Redis could not serve a request (for a metric): an {@code Idempotency-Key}
 * request answered 503, or a pacing turn taken from this process's own limiter instead. Called on
 * the request's thread; must be quick and must not throw.
 */
@FunctionalInterface
public interface SharedStateOutage {

    /** What Redis could not do. */
    enum Part {
        /** a claim, store or release of an idempotency key */
        IDEMPOTENCY,
        /** a turn from an account's shared rate budget */
        PACING
    }

    void failed(Part part);

    static SharedStateOutage none() {
        return part -> {
        };
    }
}
