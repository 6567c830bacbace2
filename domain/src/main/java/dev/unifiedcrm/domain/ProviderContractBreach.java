package dev.unifiedcrm.domain;

import java.util.Objects;

/**
 * The provider answered, but not as its contract says: a redirect (never followed), a success
 * whose body is not what it must be ({@code "success": false} where the provider promises
 * {@code true}, a body that is not JSON), or a body over the size limit (not read past it;
 * {@link #providerAnswer()} then holds only the status and headers).
 */
public final class ProviderContractBreach extends AnsweredProviderFailure {

    public enum Kind {
        REDIRECT,
        UNEXPECTED_BODY,
        BODY_TOO_LARGE
    }

    private final Kind kind;

    public ProviderContractBreach(Kind kind, ProviderAnswer answer, String message) {
        super(message, answer);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }
}
