package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswerReader.Exchange;
import dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswerReader.Reading;
import dev.unifiedcrm.domain.ProviderAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.function.IntFunction;

import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.answer;
import static dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswers.json;
import static org.assertj.core.api.Assertions.assertThat;

class ZohoCrmAnswerReaderTest {

    private static final String ID = "7328395000000691001";
    private static final IntFunction<String> PHRASES = status -> switch (status) {
        case 403 -> "Forbidden";
        case 404 -> "Not Found";
        case 502 -> "Bad Gateway";
        default -> "Unknown";
    };

    private static Reading read(ProviderAnswer answer, Exchange exchange) {
        return ZohoCrmAnswerReader.read(answer, exchange, ID, PHRASES);
    }

    private static String item(String code, String details, String message) {
        return "{\"data\":[{\"code\":\"" + code + "\",\"details\":" + details + ",\"message\":\"" + message
                + "\",\"status\":\"error\"}]}";
    }

    @Test
    void theDocumentedSuccessIsADeleteOfTheIdSent() {
        assertThat(read(json(200, """
                {"data":[{"code":"SUCCESS","details":{"id":"7328395000000691001"},"message":"record deleted","status":"success"}]}"""),
                Exchange.DELETE)).isEqualTo(new Reading.Deleted(ID));
        assertThat(read(json(200, "{\"data\":[{\"details\":{\"id\":7328395000000691001},\"status\":\"success\"}]}"),
                Exchange.DELETE)).as("a numeric id keeps every digit").isEqualTo(new Reading.Deleted(ID));
        assertThat(read(json(200, "{\"data\":[{\"status\":\"success\"}]}"), Exchange.DELETE))
                .isEqualTo(new Reading.Deleted(ID));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"data\":[{\"details\":{\"id\":\"7328395000000691999\"},\"status\":\"success\"}]}",
            "{\"data\":[{\"details\":{\"id\":7.328395000000691E18},\"status\":\"success\"}]}",
            "{\"data\":[{\"status\":\"success\"},{\"status\":\"success\"}]}",
            "{\"data\":[]}", "{\"data\":[{\"status\":\"skipped\"}]}", "{}", "", "<html/>"})
    void anyOther2xxDeleteIsAContractBreach(String body) {
        assertThat(read(json(200, body), Exchange.DELETE)).isInstanceOf(Reading.Breach.class);
    }

    @Test
    void anUnknownIdInsideA200Is404WithZohosMessage() {
        assertThat(read(json(200, item("INVALID_DATA", "{\"id\":\"" + ID + "\"}", "the id given seems to be invalid.")),
                Exchange.DELETE))
                .isEqualTo(new Reading.Failure(404, "the id given seems to be invalid.", "INVALID_DATA"));
        assertThat(read(json(400, item("INVALID_DATA", "{}", "invalid")), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(404, "invalid", "INVALID_DATA"));
        assertThat(read(json(200, "{\"data\":[{\"code\":\"INVALID_DATA\",\"message\":\"m\",\"status\":\"error\"}]}"),
                Exchange.DELETE)).isEqualTo(new Reading.Failure(404, "m", "INVALID_DATA"));
    }

    @Test
    void invalidDataAboutAnythingElseIs400() {
        assertThat(read(json(200, item("INVALID_DATA", "{\"api_name\":\"wf_trigger\"}", "invalid value")), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(400, "invalid value", "INVALID_DATA"));
    }

    @ParameterizedTest
    @CsvSource({
            "RECORD_NOT_FOUND,200,404", "NOT_FOUND,200,404", "NO_RECORDS_FOUND,207,404",
            "AUTHENTICATION_FAILURE,200,401", "INVALID_TOKEN,200,401",
            "NO_PERMISSION,200,403", "OAUTH_SCOPE_MISMATCH,401,403",
            "RECORD_LOCKED,200,409", "RECORD_IN_BLUEPRINT,200,409", "CANNOT_DELETE,200,409", "NOT_APPROVED,400,409",
            "TOO_MANY_REQUESTS,200,429", "LIMIT_EXCEEDED,200,429", "LIMIT_REACHED,429,429",
            "INTERNAL_ERROR,200,500",
            "SOMETHING_NEW,200,400", "SOMETHING_NEW,207,400", "SOMETHING_NEW,422,422"})
    void errorItemsGiveTheirStatusWhateverTheHttpStatus(String code, int httpStatus, int status) {
        assertThat(read(json(httpStatus, item(code, "{}", "m")), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(status, "m", code));
    }

    @Test
    void aTopLevelInvalidTokenAsksForAFreshToken() {
        assertThat(read(json(401, "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}"),
                Exchange.DELETE)).isEqualTo(new Reading.TokenInvalid("invalid oauth token"));
    }

    @Test
    void aTopLevelErrorFollowsTheTable() {
        assertThat(read(json(403, "{\"code\":\"NO_PERMISSION\",\"details\":{},\"message\":\"permission denied\",\"status\":\"error\"}"),
                Exchange.FETCH)).isEqualTo(new Reading.Failure(403, "permission denied", "NO_PERMISSION"));
        assertThat(read(json(200, "{\"code\":\"OAUTH_SCOPE_MISMATCH\",\"status\":\"error\"}"), Exchange.FETCH))
                .isEqualTo(new Reading.Failure(403, "Zoho CRM answered 200 Unknown", "OAUTH_SCOPE_MISMATCH"));
    }

    @Test
    void serverErrorsAndRedirectsComeFirst() {
        assertThat(read(json(502, item("RECORD_NOT_FOUND", "{}", "m")), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(502, "Zoho CRM answered 502 Bad Gateway", null));
        assertThat(read(answer(301, null, ""), Exchange.DELETE)).isInstanceOf(Reading.Breach.class);
    }

    @Test
    void aPlain4xxKeepsItsStatusWithAJsonMessageOrTheSentence() {
        assertThat(read(json(404, "{\"message\":\"no such URL\"}"), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(404, "no such URL", null));
        assertThat(read(answer(403, "text/html", "<html/>"), Exchange.DELETE))
                .isEqualTo(new Reading.Failure(403, "Zoho CRM answered 403 Forbidden", null));
    }

    @Test
    void aFetchFindsTheLeadOfTheIdSent() {
        assertThat(read(json(200, "{\"data\":[{\"id\":\"" + ID + "\",\"Last_Name\":\"Doe\"}]}"), Exchange.FETCH))
                .isInstanceOfSatisfying(Reading.Fetched.class, fetched -> assertThat(fetched.lead().get("Last_Name")).isEqualTo("Doe"));
        assertThat(read(json(200, "{\"data\":[{\"id\":\"1\"}]}"), Exchange.FETCH)).isInstanceOf(Reading.Breach.class);
        assertThat(read(json(200, "{\"data\":[]}"), Exchange.FETCH)).isInstanceOf(Reading.Breach.class);
    }

    @Test
    void aFetchAnswered204WithoutBodyIsNotFound() {
        assertThat(read(answer(204, null, ""), Exchange.FETCH))
                .isEqualTo(new Reading.Failure(404, "Zoho CRM has no lead " + ID, null));
        assertThat(read(json(200, item("INVALID_DATA", "{}", "the id given seems to be invalid.")), Exchange.FETCH))
                .isEqualTo(new Reading.Failure(404, "the id given seems to be invalid.", "INVALID_DATA"));
    }
}
