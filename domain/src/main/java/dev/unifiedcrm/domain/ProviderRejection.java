package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider answered with a 4xx or 5xx status.
 *
 * <p>{@code providerMessage} is the message read from the provider's error body (a
 * {@code message} field, or wherever that provider puts it), null when the body has none. {@code providerErrorCode} is the provider's own
 * error name ({@code ERROR_ENTITY_VALIDATION}, {@code not_found}, ...), null when none.
 * {@code providerRequestId} is the provider's request id for support, null when none.
 * {@code quotaExhausted} says that no retry can succeed before the provider's quota resets (for
 * example a daily quota).
 */
public final class ProviderRejection extends AnsweredProviderFailure {

    private final String providerMessage;
    private final String providerErrorCode;
    private final String providerRequestId;
    private final boolean quotaExhausted;

    public ProviderRejection(ProviderAnswer answer, String providerMessage, String providerErrorCode,
                             String providerRequestId, boolean quotaExhausted) {
        super(describe(answer, providerMessage), answer);
        if (answer.status() < 400) {
            throw new IllegalArgumentException("a rejection is a 4xx or 5xx answer, was " + answer.status());
        }
        this.providerMessage = providerMessage;
        this.providerErrorCode = providerErrorCode;
        this.providerRequestId = providerRequestId;
        this.quotaExhausted = quotaExhausted;
    }

    public Optional<String> providerMessage() {
        return Optional.ofNullable(providerMessage);
    }

    public Optional<String> providerErrorCode() {
        return Optional.ofNullable(providerErrorCode);
    }

    public Optional<String> providerRequestId() {
        return Optional.ofNullable(providerRequestId);
    }

    public boolean quotaExhausted() {
        return quotaExhausted;
    }

    private static String describe(ProviderAnswer answer, String providerMessage) {
        Objects.requireNonNull(answer, "answer");
        return "provider answered " + answer.status() + (providerMessage == null ? "" : ": " + providerMessage);
    }
}
