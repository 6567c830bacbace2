package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.QueryParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmRemoteQueryTest {

    @ParameterizedTest
    @ValueSource(strings = {"ids", "IDS", "Ids"})
    void refusesTheBulkIdsParameterInAnyCase(String name) {
        assertThat(ZohoCrmRemoteQuery.refusal(List.of(new QueryParameter("wf_trigger", "false"),
                new QueryParameter(name, "1,2,3"))))
                .hasValueSatisfying(message -> assertThat(message)
                        .startsWith("remote_query[" + name + "] is not accepted")
                        .contains("several records"));
    }

    @Test
    void letsEverythingElsePass() {
        assertThat(ZohoCrmRemoteQuery.refusal(List.of(new QueryParameter("wf_trigger", "false"),
                new QueryParameter("ids[0]", "1"), new QueryParameter("id", "1")))).isEmpty();
        assertThat(ZohoCrmRemoteQuery.refusal(List.of())).isEmpty();
    }
}
