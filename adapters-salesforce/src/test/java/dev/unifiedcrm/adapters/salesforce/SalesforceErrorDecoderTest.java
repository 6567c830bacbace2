package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SalesforceErrorDecoderTest {

    private final SalesforceErrorDecoder decoder = new SalesforceErrorDecoder();

    @Test
    void theMessageAndCodeComeFromTheFirstElementOfTheArray() {
        ProviderAnswer answer = Answers.json(400, "[{\"message\":\"This record is locked. If you need to edit it,"
                + " contact your admin.\",\"errorCode\":\"ENTITY_IS_LOCKED\",\"fields\":[]},"
                + "{\"message\":\"second\",\"errorCode\":\"OTHER\"}]");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.status()).isEqualTo(400);
        assertThat(rejection.providerMessage())
                .contains("This record is locked. If you need to edit it, contact your admin.");
        assertThat(rejection.providerErrorCode()).contains("ENTITY_IS_LOCKED");
        assertThat(rejection.providerRequestId()).isEmpty();
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(rejection.providerAnswer()).isSameAs(answer);
    }

    @Test
    void anObjectBodyIsReadAsTheError() {
        ProviderAnswer answer = Answers.json(400, "{\"message\":\"bad\",\"errorCode\":\"MALFORMED_ID\"}");

        assertThat(decoder.decode(answer).providerMessage()).contains("bad");
        assertThat(SalesforceErrorDecoder.errorCode(answer)).contains("MALFORMED_ID");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | {\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"} | expired access/refresh token",
            "400 | {\"error\":\"invalid_client_id\"}                                                    | invalid_client_id",
            "400 | {\"error\":\"invalid_client\",\"error_description\":\"\"}                           | invalid_client",
            "404 | []                                                                                   | Salesforce answered 404",
            "404 | [{\"errorCode\":\"NOT_FOUND\"}]                                                      | Salesforce answered 404",
            "500 | {\"other\":1}                                                                        | Salesforce answered 500",
            "400 | \"just a string\"                                                                    | Salesforce answered 400"})
    void theMessageFallsBackToTheTokenEndpointFieldsThenToASentence(int status, String body, String message) {
        assertThat(SalesforceErrorDecoder.message(Answers.json(status, body))).isEqualTo(message);
    }

    @Test
    void anHtmlMaintenancePageGivesTheSentence() {
        ProviderAnswer answer = Answers.text(503, "text/html", "<html><body>Down for maintenance</body></html>");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.providerMessage()).contains("Salesforce answered 503");
        assertThat(rejection.providerErrorCode()).isEmpty();
    }

    @Test
    void anEmptyBodyGivesTheSentence() {
        assertThat(decoder.decode(Answers.empty(502)).providerMessage()).contains("Salesforce answered 502");
    }

    @Test
    void theDailyAllocationSpentIsA403WhoseQuotaCannotClearWithinARequest() {
        ProviderAnswer answer = Answers.json(403,
                "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]",
                "Sforce-Limit-Info", "api-usage=15001/15000");

        ProviderRejection rejection = decoder.decode(answer);

        assertThat(rejection.status()).isEqualTo(403);
        assertThat(rejection.quotaExhausted()).isTrue();
        assertThat(rejection.providerMessage()).contains("TotalRequests Limit exceeded.");
    }

    @Test
    void aPermissionRefusalIsAn403WithoutQuota() {
        ProviderAnswer answer = Answers.json(403, "[{\"message\":\"insufficient access rights on object id\","
                + "\"errorCode\":\"INSUFFICIENT_ACCESS_OR_READONLY\",\"fields\":[]}]");

        assertThat(decoder.decode(answer).quotaExhausted()).isFalse();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "401 | [{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}] | true",
            "401 | {\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}   | true",
            "401 | [{\"message\":\"other\",\"errorCode\":\"INVALID_AUTH_HEADER\"}]                   | false",
            "401 | []                                                                                | false",
            "403 | [{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}] | false",
            "400 | [{\"message\":\"x\",\"errorCode\":\"INVALID_SESSION_ID\"}]                         | false"})
    void onlyA401WithInvalidSessionIdMeansTheTokenExpired(int status, String body, boolean expired) {
        assertThat(SalesforceErrorDecoder.isTokenExpiredOrInvalid(Answers.json(status, body))).isEqualTo(expired);
    }

    @Test
    void a401WithoutABodyIsNotATokenExpiry() {
        assertThat(SalesforceErrorDecoder.isTokenExpiredOrInvalid(Answers.empty(401))).isFalse();
    }

    @Test
    void aRedirectIsABreachThatPointsAtTheInstanceUrl() {
        ProviderAnswer answer = Answers.empty(302, "Location", "https://acme.lightning.force.com/services/data");

        ProviderContractBreach breach = SalesforceErrorDecoder.redirect(answer, "delete");

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.status()).isEqualTo(302);
        assertThat(breach.getMessage()).contains("the delete", "302", "never followed", "instance_url",
                "My Domain");
    }
}
