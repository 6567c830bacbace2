package dev.unifiedcrm.domain;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeletedLeadTest {

    private static final ProviderAnswer OK = new ProviderAnswer(200, Map.of(), null, null, RemoteBody.empty());

    @Test
    void aDeleteWhoseAnswerDescribesNoLeadHasNone() {
        assertThat(new DeletedLead("42", OK).lead()).isEmpty();
    }

    @Test
    void theLeadItsAnswerDescribesIsKept() {
        Lead lead = Lead.withId("1003-leads", Map.of("leads", "..."));

        assertThat(new DeletedLead("1003-leads", Optional.of(lead), OK).lead()).containsSame(lead);
    }

    @Test
    void theDescribedLeadMustBeTheDeletedOne() {
        assertThatThrownBy(() -> new DeletedLead("1003-leads", Optional.of(Lead.withId("1004-leads")), OK))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1003-leads");
    }
}
