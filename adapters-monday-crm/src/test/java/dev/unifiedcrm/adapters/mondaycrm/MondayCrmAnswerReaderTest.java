package dev.unifiedcrm.adapters.mondaycrm;

import dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswerReader.Exchange;
import dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswerReader.Reading;
import dev.unifiedcrm.domain.ProviderAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import static dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswers.answer;
import static dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswers.json;
import static dev.unifiedcrm.adapters.mondaycrm.MondayCrmAnswers.withHeader;
import static org.assertj.core.api.Assertions.assertThat;

class MondayCrmAnswerReaderTest {

    private static final IntFunction<String> PHRASES = status -> switch (status) {
        case 200 -> "OK";
        case 401 -> "Unauthorized";
        case 500 -> "Internal Server Error";
        default -> "Unknown";
    };

    private static final String ITEM_NOT_FOUND = """
            {"data":{"delete_item":null},"errors":[{"message":"Item not found","locations":[{"line":1,"column":12}],
             "path":["delete_item"],"extensions":{"code":"InvalidItemIdException","status_code":200,
             "error_data":{"item_id":123},"service":"monolith"}}],"extensions":{"request_id":"5c2b6941"}}""";

    private static Reading read(ProviderAnswer answer, Exchange exchange) {
        return MondayCrmAnswerReader.read(answer, exchange, PHRASES);
    }

    private static Reading.Failure failure(ProviderAnswer answer) {
        Reading reading = read(answer, Exchange.MUTATION);
        assertThat(reading).isInstanceOf(Reading.Failure.class);
        return (Reading.Failure) reading;
    }

    @Test
    void aDeletedItemIsData() {
        Reading reading = read(json(200, """
                {"data":{"delete_item":{"id":"18273395993"}},"extensions":{"request_id":"827a151c"}}"""), Exchange.MUTATION);

        assertThat(reading).isInstanceOfSatisfying(Reading.Data.class, data -> {
            assertThat(MondayCrmAnswerReader.deletedItemId(data.data())).contains("18273395993");
            assertThat(data.errors()).isEmpty();
        });
        assertThat(MondayCrmAnswerReader.deletedItemId(Map.of("delete_item", Map.of("id", 18273395993L))))
                .contains("18273395993");
    }

    @Test
    void partialDataWinsOverErrorsWhichAreKeptForTheLog() {
        Reading reading = read(json(200, """
                {"data":{"delete_item":{"id":"7"}},"errors":[{"message":"field deprecated"}]}"""), Exchange.MUTATION);

        assertThat(reading).isInstanceOfSatisfying(Reading.Data.class, data -> assertThat(data.errors()).hasSize(1));
    }

    @Test
    void anItemsArrayIsDataForAQueryOnly() {
        ProviderAnswer items = json(200, "{\"data\":{\"items\":[]}}");

        assertThat(read(items, Exchange.QUERY)).isInstanceOf(Reading.Data.class);
        assertThat(read(items, Exchange.MUTATION)).isInstanceOf(Reading.Breach.class);
    }

    @Test
    void theMissingItemAnswerIs404WithMondaysMessage() {
        assertThat(failure(json(200, ITEM_NOT_FOUND)))
                .isEqualTo(new Reading.Failure(404, "Item not found", "InvalidItemIdException", OptionalLong.empty()));
    }

    @Test
    void anUnauthenticated401KeepsItsStatusAndMessage() {
        assertThat(failure(json(401, """
                {"errors":[{"message":"Not authenticated","extensions":{"code":"NOT_AUTHENTICATED"}}]}""")))
                .isEqualTo(new Reading.Failure(401, "Not authenticated", "NOT_AUTHENTICATED", OptionalLong.empty()));
        assertThat(failure(json(401, "{\"errors\":[\"Not Authenticated\"]}")).message()).isEqualTo("Not Authenticated");
        assertThat(failure(answer(401, "text/plain", "nope")).message()).isEqualTo("monday.com answered 401 Unauthorized");
    }

    @ParameterizedTest
    @CsvSource({
            "InvalidItemIdException,404", "ResourceNotFoundException,404", "InvalidBoardIdException,404",
            "NOT_AUTHENTICATED,401", "Unauthorized,401",
            "UserUnauthorizedException,403", "missingRequiredPermissions,403", "IpRestricted,403",
            "ComplexityException,429", "COMPLEXITY_BUDGET_EXHAUSTED,429", "complexityBudgetExhausted,429",
            "maxComplexityExceeded,429", "RATE_LIMIT_EXCEEDED,429", "rateLimitExceeded,429",
            "DAILY_LIMIT_EXCEEDED,429", "maxConcurrencyExceeded,429", "IP_RATE_LIMIT_EXCEEDED,429",
            "INTERNAL_SERVER_ERROR,500", "API_TEMPORARILY_BLOCKED,503",
            "GRAPHQL_VALIDATION_FAILED,400", "ParseError,400", "InvalidArgumentException,400", "SomethingNew,400"})
    void errorCodesInsideA200GiveTheirStatus(String code, int status) {
        Reading.Failure failure = failure(json(200,
                "{\"errors\":[{\"message\":\"m\",\"extensions\":{\"code\":\"" + code + "\"}}]}"));

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.code()).isEqualTo(code);
        assertThat(failure.message()).isEqualTo("m");
    }

    @Test
    void aStatusCodeOf400To599WinsOverTheCode() {
        assertThat(failure(json(200, """
                {"errors":[{"message":"m","extensions":{"code":"InvalidItemIdException","status_code":403}}]}""")).status())
                .isEqualTo(403);
        assertThat(failure(json(200, """
                {"errors":[{"message":"m","extensions":{"code":"ParseError","status_code":600}}]}""")).status())
                .isEqualTo(400);
        assertThat(failure(json(200, "{\"errors\":[{\"message\":\"no code\"}]}")).status()).isEqualTo(400);
    }

    @Test
    void readsThePre2024ErrorShape() {
        assertThat(failure(json(200, """
                {"error_code":"ResourceNotFoundException","error_message":"Item 5 not found","status_code":404}""")))
                .isEqualTo(new Reading.Failure(404, "Item 5 not found", "ResourceNotFoundException", OptionalLong.empty()));
        assertThat(failure(json(200, "{\"error_code\":\"UserUnauthorizedException\",\"status_code\":200}")))
                .isEqualTo(new Reading.Failure(403, "monday.com answered 200 OK", "UserUnauthorizedException",
                        OptionalLong.empty()));
    }

    @Test
    void aRateLimitErrorCarriesRetryInSecondsRoundedUpWhenMondaySentNoRetryAfter() {
        String body = """
                {"errors":[{"message":"Complexity budget exhausted","extensions":{"code":"COMPLEXITY_BUDGET_EXHAUSTED",
                 "retry_in_seconds":12.2}}]}""";

        assertThat(failure(json(200, body)).retryAfterSeconds()).isEqualTo(OptionalLong.of(13));
        assertThat(failure(withHeader(json(429, body), "Retry-After", "30")).retryAfterSeconds()).isEmpty();
        assertThat(failure(json(200, body.replace("12.2", "0"))).retryAfterSeconds()).isEqualTo(OptionalLong.of(1));
        assertThat(failure(json(200, body.replace("12.2", "\"12\""))).retryAfterSeconds()).isEmpty();
        assertThat(failure(json(429, body)).retryAfterSeconds()).isEqualTo(OptionalLong.of(13));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsKeepTheirStatusForTheGateway(int status) {
        Reading.Failure failure = failure(answer(status, "text/html", "<html>down</html>"));

        assertThat(failure.status()).isEqualTo(status);
        assertThat(failure.message()).startsWith("monday.com answered " + status + " ");
    }

    @Test
    void redirectsAndUnreadable200sAreContractBreaches() {
        assertThat(read(answer(302, null, ""), Exchange.QUERY)).isInstanceOf(Reading.Breach.class);
        assertThat(read(json(200, "{\"data\":{\"items\":null}}"), Exchange.QUERY)).isInstanceOf(Reading.Breach.class);
        assertThat(read(json(200, "{\"data\":{\"delete_item\":{}}}"), Exchange.MUTATION)).isInstanceOf(Reading.Breach.class);
        assertThat(read(json(200, "{\"errors\":[]}"), Exchange.MUTATION)).isInstanceOf(Reading.Breach.class);
        assertThat(read(answer(200, "text/html", "<html></html>"), Exchange.MUTATION)).isInstanceOf(Reading.Breach.class);
    }

    @Test
    void notesAnEchoedApiVersionOtherThanTheOneSent() {
        ProviderAnswer answer = withHeader(json(200, "{}"), "Api-Version", "2026-07");

        assertThat(MondayCrmAnswerReader.versionMismatch(answer, "2026-10"))
                .contains("monday.com answered with API version 2026-07 to a request for 2026-10");
        assertThat(MondayCrmAnswerReader.versionMismatch(answer, "2026-07")).isEmpty();
        assertThat(MondayCrmAnswerReader.versionMismatch(json(200, "{}"), "2026-10")).isEmpty();
    }
}
