package dev.unifiedcrm.adapters.dynamics365sales;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Dynamics365SalesErrorDecoderTest {

    private final Dynamics365SalesErrorDecoder decoder = new Dynamics365SalesErrorDecoder();

    @Test
    void theMessageAndCodeComeFromTheErrorObject() {
        ProviderAnswer answer = Answers.json(404, "{\"error\":{\"code\":\"0x80040217\","
                + "\"message\":\"Entity 'lead' With Id = 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34 Does Not Exist\"}}");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.status()).isEqualTo(404);
        assertThat(rejection.providerMessage())
                .contains("Entity 'lead' With Id = 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34 Does Not Exist");
        assertThat(rejection.providerErrorCode()).contains("0x80040217");
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().body()).isEqualTo(answer.body());
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(answer.parsedBody());
    }

    @Test
    void theInnerErrorIsRemovedFromTheParsedBodyButNotFromTheBytes() {
        String body = "{\"error\":{\"code\":\"0x80040265\",\"message\":\"This lead is linked to an active quote and"
                + " cannot be deleted.\",\"innererror\":{\"message\":\"x\",\"type\":\"System.ServiceModel.FaultException\","
                + "\"stacktrace\":\"   at Microsoft.Crm.Extensibility...\"}},\"other\":1}";
        ProviderAnswer answer = Answers.json(400, body, "REQ_ID", "abc");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(((RemoteBody.Json) rejection.providerAnswer().parsedBody()).value()).isEqualTo(Map.of(
                "error", Map.of("code", "0x80040265",
                        "message", "This lead is linked to an active quote and cannot be deleted."),
                "other", 1));
        assertThat(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(rejection.providerAnswer().headers()).containsEntry("req_id", List.of("abc"));
        assertThat(rejection.providerAnswer().contentType()).isEqualTo(answer.contentType());
        assertThat(rejection.providerMessage()).contains("This lead is linked to an active quote and cannot be deleted.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | {\"error\":{\"code\":\"0x8006088a\",\"message\":\"\"}}                                  | 0x8006088a",
            "500 | {\"error\":{\"code\":\"\",\"message\":\"\"}}                                            | Dynamics 365 answered 500",
            "401 | {\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret provided.\"} | AADSTS7000215: Invalid client secret provided.",
            "400 | {\"error\":\"invalid_scope\"}                                                        | invalid_scope",
            "403 | {\"other\":1}                                                                        | Dynamics 365 answered 403",
            "404 | []                                                                                  | Dynamics 365 answered 404"})
    void theMessageFallsBackToTheCodeThenTheTokenEndpointFieldsThenASentence(int status, String body, String message) {
        assertThat(Dynamics365SalesErrorDecoder.message(Answers.json(status, body))).isEqualTo(message);
    }

    @Test
    void anEmpty401HasAnEmptyBodyAndTheSentence() {
        ProviderAnswer answer = Answers.empty(401, "WWW-Authenticate",
                "Bearer authorization_uri=https://login.microsoftonline.com/9b1d2c3e-4f50-4a6b-8c7d-0e1f2a3b4c5d/oauth2/authorize");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.providerMessage()).contains("Dynamics 365 answered 401");
        assertThat(rejection.providerAnswer().parsedBody()).isInstanceOf(RemoteBody.Empty.class);
        assertThat(rejection.providerErrorCode()).isEmpty();
    }

    @Test
    void aTextBodyStaysText() {
        ProviderAnswer answer = Answers.text(502, "text/html", "<html>Bad Gateway</html>");

        assertThat(decoder.decode(answer).providerAnswer().parsedBody()).isEqualTo(answer.parsedBody());
        assertThat(decoder.decode(answer).providerMessage()).contains("Dynamics 365 answered 502");
    }

    @Test
    void throttlingIsA429ThatClearsWithinItsWindow() {
        ProviderAnswer answer = Answers.json(429, "{\"error\":{\"code\":\"0x80072322\",\"message\":\"Number of requests"
                + " exceeded the limit of 6000 over time window of 300 seconds.\"}}", "Retry-After", "17");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer().header("retry-after")).contains("17");
        assertThat(rejection.providerErrorCode()).contains("0x80072322");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{\"error\":{\"code\":\"0x80072560\",\"message\":\"The user is not a member of the organization.\"}}"})
    void every401MeansTheTokenMustBeRenewed(String body) {
        ProviderAnswer answer = body.isEmpty() ? Answers.empty(401) : Answers.json(401, body);

        assertThat(Dynamics365SalesErrorDecoder.isTokenExpiredOrInvalid(answer)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 403, 404, 429, 500})
    void noOtherStatusMeansTheTokenExpired(int status) {
        assertThat(Dynamics365SalesErrorDecoder.isTokenExpiredOrInvalid(Answers.empty(status))).isFalse();
    }

    @Test
    void aRedirectIsABreach() {
        ProviderContractBreach breach = Dynamics365SalesErrorDecoder.redirect(
                Answers.empty(302, "Location", "https://login.microsoftonline.com/"), "fetch");

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("the fetch", "302", "never followed", "org_url");
    }
}
