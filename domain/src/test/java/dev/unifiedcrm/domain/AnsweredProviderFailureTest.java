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
    void aFailureReportedInATwoHundredBodyStandsForTheStatusItNamesAndKeepsTheRealAnswer() {
        var ok = new ProviderAnswer(200, Map.of(), "application/json", "{\"errors\":[]}".getBytes(), new RemoteBody.Json(Map.of()));

        ProviderRejection rejection = ProviderRejection.reportedInBody(ok, 404, "Item not found", "InvalidItemIdException",
                null, false);

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(((AnsweredProviderFailure) rejection).status()).isEqualTo(404);
        assertThat(rejection.providerAnswer()).isSameAs(ok);
        assertThat(rejection.reportedInBody()).isTrue();
        assertThat(rejection.getMessage()).isEqualTo("provider answered 404 (reported in its 200 answer): Item not found");
        assertThat(new ProviderRejection(NOT_FOUND, null, null, null, false).reportedInBody()).isFalse();
        ProviderRejection ofACheck = rejection.answeringACheck();
        assertThat(ofACheck.answersACheck()).isTrue();
        assertThat(rejection.answersACheck()).isFalse();
        assertThat(ofACheck.status()).isEqualTo(404);
        assertThat(ofACheck.providerAnswer()).isSameAs(ok);
        assertThat(ofACheck.providerErrorCode()).contains("InvalidItemIdException");
    }

    @Test
    void aReportedStatusMustBeAFailureAndComeWithATwoHundred() {
        var ok = new ProviderAnswer(200, Map.of(), null, null, RemoteBody.empty());

        assertThatThrownBy(() -> ProviderRejection.reportedInBody(ok, 302, null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> ProviderRejection.reportedInBody(ok, 600, null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderRejection.reportedInBody(NOT_FOUND, 404, null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2xx");
        assertThatThrownBy(() -> new ProviderRejection(ok, null, null, null, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reportedInBody");
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
