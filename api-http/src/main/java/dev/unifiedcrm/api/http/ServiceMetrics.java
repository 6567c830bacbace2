package dev.unifiedcrm.api.http;

/**
 * What the HTTP layer reports to metrics itself: the scrape for {@code GET /metrics}, and the delete
 * requests it answers before the use case sees them (a missing token, a bad query), which the use
 * case's events cannot count.
 */
interface ServiceMetrics {

    /** Every series, in the Prometheus text format. */
    byte[] scrape();

    /** A request on the lead route answered by the HTTP layer itself, with this status. */
    void leadRequestRefusedBeforeTheUseCase(int status);

    /** No metrics: an empty scrape, nothing counted. */
    static ServiceMetrics none() {
        return new ServiceMetrics() {
            @Override
            public byte[] scrape() {
                return new byte[0];
            }

            @Override
            public void leadRequestRefusedBeforeTheUseCase(int status) {
            }
        };
    }
}
