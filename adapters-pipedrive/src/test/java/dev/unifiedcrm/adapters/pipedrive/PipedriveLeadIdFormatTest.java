package dev.unifiedcrm.adapters.pipedrive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PipedriveLeadIdFormatTest {

    @ParameterizedTest
    @CsvSource({
            "adf21080-0e10-11eb-879b-05d71fb426ec, adf21080-0e10-11eb-879b-05d71fb426ec",
            "ADF21080-0E10-11EB-879B-05D71FB426EC, adf21080-0e10-11eb-879b-05d71fb426ec",
            "00000000-0000-4000-8000-000000000401, 00000000-0000-4000-8000-000000000401"})
    void uuidsOfAnyCaseAreSentLowerCase(String id, String sent) {
        assertThat(PipedriveLeadIdFormat.canonical(id)).contains(sent);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1-2-3-4-5", "adf210800e1011eb879b05d71fb426ec", "{adf21080-0e10-11eb-879b-05d71fb426ec}",
            "adf21080-0e10-11eb-879b-05d71fb426e", "adf21080-0e10-11eb-879b-05d71fb426ecc", "gdf21080-0e10-11eb-879b-05d71fb426ec",
            " adf21080-0e10-11eb-879b-05d71fb426ec", "12345", "..", "adf21080-0e10-11eb-879b-05d71fb426ec/x"})
    void anythingElseIsNotAPipedriveLeadId(String id) {
        assertThat(PipedriveLeadIdFormat.canonical(id)).isEmpty();
    }

    @Test
    void nullIsNotAnIdAndTheDescriptionShowsAnExample() {
        assertThat(PipedriveLeadIdFormat.canonical(null)).isEmpty();
        assertThat(PipedriveLeadIdFormat.DESCRIPTION).contains("adf21080-0e10-11eb-879b-05d71fb426ec");
    }
}
