package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The provider answered, but not as its contract says: a redirect (never followed), a success
 * whose body is not what it must be ({@code "success": false} where the provider promises
 * {@code true}, a body that is not JSON), or a body over the size limit (not read past it; {@link #answer()} then holds only the
 * status and headers).
 */
public final class ProviderContractBreach extends ProviderFailure {

    public enum Kind {
        REDIRECT,
        UNEXPECTED_BODY,
        BODY_TOO_LARGE
    }

    private final Kind kind;
    private final ProviderAnswer answer;

    public ProviderContractBreach(Kind kind, ProviderAnswer answer, String message) {
        super(message, Delivery.ANSWERED, null);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.answer = Objects.requireNonNull(answer, "answer");
    }

    public Kind kind() {
        return kind;
    }

    public int status() {
        return answer.status();
    }

    @Override
    public Optional<ProviderAnswer> answer() {
        return Optional.of(answer);
    }

    public ProviderAnswer providerAnswer() {
        return answer;
    }
}
