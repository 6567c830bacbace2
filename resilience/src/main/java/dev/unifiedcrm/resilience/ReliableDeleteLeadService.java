package dev.unifiedcrm.resilience;

import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadService;

/**
 * The fully equipped {@link DeleteLeadService}: retries on Failsafe ({@link FailsafeRetryExecutor}),
 * local pacing on Bucket4j ({@link Bucket4jCallPacer}), and the application's bounded in-memory
 * idempotency store.
 *
 * <pre>{@code
 * DeleteLeadService service = ReliableDeleteLeadService.builder(accounts, CrmAdapters.discover(settings))
 *         .timeouts(timeouts)
 *         .build();
 * }</pre>
 *
 * The returned builder still takes any other port ({@code listener}, {@code idempotencyStore},
 * {@code clock}, ...).
 */
public final class ReliableDeleteLeadService {

    private ReliableDeleteLeadService() {
    }

    /** A {@link DeleteLeadService.Builder} with Failsafe retries and Bucket4j pacing already set. */
    public static DeleteLeadService.Builder builder(AccountDirectory accounts, CrmAdapters adapters) {
        return DeleteLeadService.builder(accounts, adapters)
                .retries(new FailsafeRetryExecutor())
                .pacer(new Bucket4jCallPacer());
    }
}
