package dev.unifiedcrm.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnsweredProviderFailureTest {

    private static final ProviderAnswer NOT_FOUND = new ProviderAnswer(404, Map.of(), null, null, RemoteBody.empty());

    @Test
    void aRejectionCarriesItsAnswerWithoutAnOptional() {
        ProviderFailure failure = new ProviderRejection(NOT_FOUND, "gone", null, null, false);

        assertThat(failure).isInstanceOfSatisfying(AnsweredProviderFailure.class, answered -> {
            assertThat(answered.providerAnswer()).isSameAs(NOT_FOUND);
            assertThat(answered.status()).isEqualTo(404);
        });
        assertThat(failure.delivery()).isEqualTo(Delivery.ANSWERED);
    }

    @Test
    void aContractBreachCarriesItsAnswer() {
        var redirect = new ProviderAnswer(302, Map.of(), null, null, RemoteBody.empty());
        ProviderFailure failure = new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, redirect, "redirected");

        assertThat(((AnsweredProviderFailure) failure).providerAnswer()).isSameAs(redirect);
    }

    @Test
    void aBreachWithoutAnAnswerIsRefused() {
        assertThatThrownBy(() -> new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT, null, "x"))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("answer");
    }

    @Test
    void failuresWithoutAnAnswerAreNotAnsweredFailures() {
        assertThat(new ProviderTimeout("slow", Delivery.MAYBE_DELIVERED, null)).isNotInstanceOf(AnsweredProviderFailure.class);
        assertThat(new ProviderUnreachable("refused", Delivery.NOT_SENT, null)).isNotInstanceOf(AnsweredProviderFailure.class);
    }
}
