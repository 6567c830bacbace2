package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.ResponseFormat;
import dev.unifiedcrm.domain.QueryParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadQueryTest {

    static final String ID = "integrated_account_id=0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01";

    @Test
    void appliesDefaults() throws Exception {
        var query = LeadQuery.parse(ID);

        assertThat(query.format()).isEqualTo(ResponseFormat.UNIFIED);
        assertThat(query.ignoreRemoteData()).isFalse();
        assertThat(query.returnDeletedLead()).isFalse();
        assertThat(query.excludedFields()).isEmpty();
        assertThat(query.remoteQuery()).isEmpty();
    }

    @Test
    void decodesAsFormUrlEncodedAndSkipsEmptyPairs() throws Exception {
        var query = LeadQuery.parse("&&" + ID + "&remote_query%5Bname+x%5D=%C3%A9+%2B&remote_query[flag]&");

        assertThat(query.remoteQuery()).containsExactly(new QueryParameter("name x", "é +"),
                new QueryParameter("flag", ""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "truto_response_format=raw&truto_response_format=raw | given more than once",
            "truto_response_format=Unified | use unified (the default), normalized or raw",
            "truto_ignore_remote_data= | use true or false",
            "return_deleted_lead=yes | use true or false",
            "remote_query=x | remote_query[name]=value",
            "remote_query[a=x | remote_query[name]=value",
            "x=%E | malformed percent-escape",
    })
    void explainsWhatIsWrongAndWhatIsAccepted(String extra, String explanation) {
        assertThatThrownBy(() -> LeadQuery.parse(ID + "&" + extra))
                .isInstanceOf(LeadQuery.InvalidQueryException.class)
                .hasMessageContaining(explanation);
    }

    @Test
    void requiresAUuidAccountId() {
        assertThatThrownBy(() -> LeadQuery.parse(null)).hasMessageContaining("integrated_account_id is required");
        assertThatThrownBy(() -> LeadQuery.parse("integrated_account_id=0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a0"))
                .hasMessageContaining("is not a UUID");
    }
}
