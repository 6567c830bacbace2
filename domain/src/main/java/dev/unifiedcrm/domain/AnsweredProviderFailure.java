package dev.unifiedcrm.domain;

/**
 * A failure that came with the provider's answer: a rejection (4xx or 5xx) or an answer that breaks
 * the provider's contract. The answer is always there, so callers never unwrap an optional.
 */
public abstract sealed class AnsweredProviderFailure extends ProviderFailure
        permits ProviderRejection, ProviderContractBreach {

    private final ProviderAnswer answer;

    protected AnsweredProviderFailure(String message, ProviderAnswer answer) {
        super(message, Delivery.ANSWERED, null);
        this.answer = java.util.Objects.requireNonNull(answer, "answer");
    }

    /** The provider's answer as it came (for a body over the size limit: only status and headers). */
    public ProviderAnswer providerAnswer() {
        return answer;
    }

    /**
     * The status the failure stands for: the answer's HTTP status, except for a
     * {@link ProviderRejection} reported inside a 2xx body, which stands for the status the body names.
     */
    public int status() {
        return answer.status();
    }
}
