package dev.unifiedcrm.application;

/**
 * Thrown by {@link IdempotencyStore#claim} when the store cannot be reached or fails (a shared store
 * on another machine is down): the claim neither owns nor finds the key, so the request must not
 * reach the provider. {@link DeleteLeadService} answers it 503 with {@code Retry-After: 1}. The
 * message names the store and what failed, never a credential.
 */
public final class IdempotencyStoreUnavailable extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyStoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
