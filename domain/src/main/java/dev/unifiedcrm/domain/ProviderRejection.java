package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider refused: it answered with a 4xx or 5xx status, or with a 2xx whose body reports a
 * failure (some APIs answer 200 and put the error in the body: a GraphQL {@code errors[]}, a
 * {@code success: false}, a {@code status: "error"}).
 *
 * <p>{@link #status()} is the status the refusal stands for, what the caller is answered as if the
 * provider had sent it: the HTTP status, or for a failure {@linkplain #reportedInBody() reported in a
 * 2xx body} the 4xx or 5xx status the body names (by a status field or by an error code the adapter
 * maps). {@link #providerAnswer()} is always the answer as it came, its real HTTP status included.
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
    private final int status;
    private final boolean answersACheck;

    /** A 4xx or 5xx answer. */
    public ProviderRejection(ProviderAnswer answer, String providerMessage, String providerErrorCode,
                             String providerRequestId, boolean quotaExhausted) {
        this(answer, statusOf(answer), providerMessage, providerErrorCode, providerRequestId, quotaExhausted);
    }

    /**
     * A failure the provider reported inside a 2xx answer, standing for {@code reportedStatus}.
     *
     * @param reportedStatus the 4xx or 5xx status the body names
     * @return the rejection; its {@link #status()} is {@code reportedStatus}
     * @throws IllegalArgumentException when the answer is not a 2xx or the status not a 4xx or 5xx
     */
    public static ProviderRejection reportedInBody(ProviderAnswer answer, int reportedStatus, String providerMessage,
                                                   String providerErrorCode, String providerRequestId,
                                                   boolean quotaExhausted) {
        if (!Objects.requireNonNull(answer, "answer").isSuccess()) {
            throw new IllegalArgumentException("a failure reported in the body comes with a 2xx answer, was "
                    + answer.status() + "; use the constructor for a 4xx or 5xx answer");
        }
        return new ProviderRejection(answer, reportedStatus, providerMessage, providerErrorCode, providerRequestId,
                quotaExhausted, false);
    }

    private ProviderRejection(ProviderAnswer answer, int status, String providerMessage, String providerErrorCode,
                              String providerRequestId, boolean quotaExhausted) {
        this(answer, status, providerMessage, providerErrorCode, providerRequestId, quotaExhausted, false);
    }

    private ProviderRejection(ProviderAnswer answer, int status, String providerMessage, String providerErrorCode,
                              String providerRequestId, boolean quotaExhausted, boolean answersACheck) {
        super(describe(answer, status, providerMessage), answer);
        this.answersACheck = answersACheck;
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a rejection stands for a 4xx or 5xx status, was " + status);
        }
        this.status = status;
        this.providerMessage = providerMessage;
        this.providerErrorCode = providerErrorCode;
        this.providerRequestId = providerRequestId;
        this.quotaExhausted = quotaExhausted;
    }

    /**
     * The status this refusal stands for: the HTTP status of a 4xx or 5xx answer, or the status a
     * 2xx body names.
     */
    @Override
    public int status() {
        return status;
    }

    /** Whether the provider reported the failure inside a 2xx answer (then {@link #status()} is the one the body names). */
    public boolean reportedInBody() {
        return providerAnswer().isSuccess();
    }

    /**
     * This rejection, marked as the answer to a check the adapter made before the operation itself
     * (that the lead exists and is one the account may delete), not to the operation: the operation
     * was never sent, and a caller who asked for the provider's own answer gets an error instead of
     * the check's answer.
     */
    public ProviderRejection answeringACheck() {
        return new ProviderRejection(providerAnswer(), status, providerMessage, providerErrorCode, providerRequestId,
                quotaExhausted, true);
    }

    /** Whether this is the answer to a check made before the operation (see {@link #answeringACheck()}). */
    public boolean answersACheck() {
        return answersACheck;
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

    private static int statusOf(ProviderAnswer answer) {
        int status = Objects.requireNonNull(answer, "answer").status();
        if (status < 400) {
            throw new IllegalArgumentException("a rejection is a 4xx or 5xx answer, was " + status
                    + (answer.isSuccess() ? " (a failure reported in a 2xx body: use reportedInBody)" : ""));
        }
        return status;
    }

    private static String describe(ProviderAnswer answer, int status, String providerMessage) {
        String reported = answer.status() == status ? "" : " (reported in its " + answer.status() + " answer)";
        return "provider answered " + status + reported + (providerMessage == null ? "" : ": " + providerMessage);
    }
}
