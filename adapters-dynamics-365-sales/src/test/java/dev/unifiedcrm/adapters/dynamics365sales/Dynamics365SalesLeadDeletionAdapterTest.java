package dev.unifiedcrm.adapters.dynamics365sales;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.InvalidLeadIdException;
import dev.unifiedcrm.domain.LeadId;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.contract.LeadDeletionPortContract;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class Dynamics365SalesLeadDeletionAdapterTest extends LeadDeletionPortContract {

    private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test.signature";
    private static final String LEAD_ID = "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34";
    private static final IntegratedAccountId ACCOUNT_ID =
            IntegratedAccountId.parse("7e2b4c6d-8f10-4a2b-9c3d-5e6f7a8b9c01").orElseThrow();
    private static final String PREFER =
            "odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,Microsoft.Dynamics.CRM.lookuplogicalname\"";

    // ---- the contract's hooks ----

    @Override
    protected CrmAdapterProvider adapterProvider() {
        return new Dynamics365SalesAdapterProvider();
    }

    @Override
    protected IntegratedAccount account(URI baseUrl) {
        return new IntegratedAccount(ACCOUNT_ID, new Integration("dynamics_365_sales"), Map.of(),
                Optional.ofNullable(baseUrl), Pacing.providerDefault(), Credentials.of(Map.of("access_token", TOKEN)));
    }

    @Override
    protected LeadId leadId() {
        return LeadId.parse(LEAD_ID, new Dynamics365SalesAdapterProvider().leadIdFormat());
    }

    @Override
    protected String leadPath(String encodedLeadId) {
        return "/leads(" + encodedLeadId + ")";
    }

    @Override
    protected String expectedAuthorization() {
        return "Bearer " + TOKEN;
    }

    @Override
    protected ResponseDefinitionBuilder deleteSuccess(LeadId id) {
        return aResponse().withStatus(204).withHeader("OData-Version", "4.0");
    }

    @Override
    protected ResponseDefinitionBuilder errorAnswer(int status, String message) {
        return dataverseError(status, "0x80040217", message);
    }

    @Override
    protected ResponseDefinitionBuilder fetchSuccess(LeadId id) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json; odata.metadata=minimal")
                .withBody(documentedLead().replace(LEAD_ID, id.value()));
    }

    @Override
    protected boolean judgesDeleteSuccessBody() {
        return false;
    }

    // ---- what reaches Dataverse ----

    @Test
    void theDeleteCarriesTheTokenTheODataHeadersAndNothingElse() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(leadId())));

        DeletedLead deleted = adapter.deletion().delete(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("DELETE");
        assertThat(request.getUrl()).isEqualTo("/api-root/v9/leads(3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34)");
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.header("Accept").values()).hasSize(1);
        assertThat(request.getHeader("OData-MaxVersion")).isEqualTo("4.0");
        assertThat(request.getHeader("OData-Version")).isEqualTo("4.0");
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        var names = new TreeSet<String>(String.CASE_INSENSITIVE_ORDER);
        names.addAll(request.getAllHeaderKeys());
        // Never If-Match (it would make the delete conditional), never impersonation headers.
        assertThat(names).containsExactlyInAnyOrder("Accept", "Accept-Encoding", "Authorization", "Connection",
                "Host", "OData-MaxVersion", "OData-Version", "User-Agent");
        assertThat(request.getBody()).isEmpty();
        assertThat(deleted.id()).isEqualTo(LEAD_ID);
    }

    @Test
    void theFetchAsksForLabelsAndLookupTargetsAndAnUncachedRead() {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(fetchSuccess(leadId())));

        FetchedLead fetched = adapter.lookup().fetch(call());

        LoggedRequest request = onlyRequest();
        assertThat(request.getMethod().value()).isEqualTo("GET");
        assertThat(request.getUrl()).isEqualTo(fullLeadPath());
        assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(request.getHeader("Accept")).isEqualTo("application/json");
        assertThat(request.getHeader("OData-MaxVersion")).isEqualTo("4.0");
        assertThat(request.getHeader("OData-Version")).isEqualTo("4.0");
        assertThat(request.getHeader("If-None-Match")).isEqualTo("null");
        assertThat(request.getHeader("Prefer")).isEqualTo(PREFER);
        assertThat(request.getHeader("User-Agent")).isEqualTo(USER_AGENT);
        assertThat(fetched.lead().id()).isEqualTo(LEAD_ID);
        assertThat(fetched.lead().status()).isEqualTo("Qualified");
        assertThat(fetched.lead().leadSource()).isEqualTo("Trade Show");
        assertThat(fetched.lead().createdAt()).isEqualTo(Instant.parse("2024-03-05T10:45:21Z"));
    }

    @Test
    void anUpperCaseIdIsSentAndAnsweredInLowerCase() {
        LeadId id = LeadId.parse("3F9C2A17-8B4E-4D21-9A6C-5E7F0B1D2C34", new Dynamics365SalesAdapterProvider().leadIdFormat());
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(deleteSuccess(id)));

        DeletedLead deleted = adapter.deletion().delete(new ProviderCall(account(baseUrl()), id, List.of(), TIMEOUT));

        assertThat(onlyRequest().getUrl()).isEqualTo(fullLeadPath());
        assertThat(deleted.id()).isEqualTo(LEAD_ID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34}", "'3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34'",
            "3f9c2a178b4e4d219a6c5e7f0b1d2c34", "3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c3", "42", "leadid=x"})
    void aMalformedKeyNeverReachesDataverse(String id) {
        var call = new ProviderCall(account(baseUrl()), LeadId.parse(id, LeadIdFormat.matching("(?s).+", "any text")),
                List.of(), TIMEOUT);

        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.deletion().delete(call));
        catchThrowableOfType(InvalidLeadIdException.class, () -> adapter.lookup().fetch(call));

        assertThat(provider.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutBaseUrlTheRootIsTheOrgUrlsWebApi() {
        var account = new IntegratedAccount(ACCOUNT_ID, new Integration("dynamics_365_sales"),
                Map.of("org_url", "https://Contoso.crm4.dynamics.com/"), Optional.empty(), Pacing.providerDefault(),
                Credentials.of(Map.of("access_token", TOKEN)));

        assertThat(Dynamics365SalesAccountContext.of(account).apiRoot(account.baseUrl()))
                .isEqualTo(URI.create("https://contoso.crm4.dynamics.com/api/data/v9.2"));
    }

    // ---- the failure table ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400 | 0x80040265 | This lead is linked to an active quote and cannot be deleted.",
            "401 | 0x80072560 | The user is not a member of the organization.",
            "403 | 0x80072560 | The user is not a member of the organization.",
            "403 | 0x80040220 | Principal user (Id=29c3a361-4b9c-ee11-be36-000d3abf077e) is missing prvDeleteLead privilege",
            "404 | 0x80040217 | Entity 'lead' With Id = 3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34 Does Not Exist",
            "404 | 0x8006088a | Resource not found for the segment 'leads'.",
            "405 | 0x80040237 | CannotDeleteDueToAssociation",
            "412 | 0x80060882 | The version of the existing record doesn't match the RowVersion property provided.",
            "413 | 0x80048d19 | Request entity too large",
            "429 | 0x80072322 | Number of requests exceeded the limit of 6000 over time window of 300 seconds.",
            "500 | 0x80040216 | An unexpected error occurred.",
            "503 | 0x80040216 | Service unavailable"})
    void eachDocumentedErrorIsARejectionWithItsStatusMessageAndCode(int status, String code, String message) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(dataverseError(status, code, message)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(status);
        assertThat(rejection.providerMessage()).contains(message);
        assertThat(rejection.providerErrorCode()).contains(code);
        assertThat(rejection.quotaExhausted()).isFalse();
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void aThrottledRequestKeepsRetryAfterInSeconds() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(
                dataverseError(429, "0x80072321", "Combined execution time exceeded").withHeader("Retry-After", "7")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(429);
        assertThat(rejection.providerAnswer().header("retry-after")).contains("7");
    }

    @Test
    void aStaticTokenRejectedWithAnEmptyBodyIsA401AtOnceWithoutAnotherCall() {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(401)
                .withHeader("WWW-Authenticate", "Bearer authorization_uri=https://login.microsoftonline.com/t/oauth2/authorize")));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.status()).isEqualTo(401);
        assertThat(rejection.providerMessage()).contains("Dynamics 365 answered 401");
        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Empty());
        assertThat(rejection.getMessage()).doesNotContain(TOKEN);
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @Test
    void theDotNetStackTraceIsRemovedFromTheParsedBodyButNotFromTheBytes() {
        String body = "{\"error\":{\"code\":\"0x80040265\",\"message\":\"Refused by a plug-in\","
                + "\"innererror\":{\"message\":\"x\",\"type\":\"System.ServiceModel.FaultException\",\"stacktrace\":\"at Microsoft.Crm...\"}}}";
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(body)));

        ProviderRejection rejection = catchThrowableOfType(ProviderRejection.class, () -> adapter.deletion().delete(call()));

        assertThat(rejection.providerAnswer().parsedBody()).isEqualTo(new RemoteBody.Json(
                Map.of("error", Map.of("code", "0x80040265", "message", "Refused by a plug-in"))));
        assertThat(new String(rejection.providerAnswer().body(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    @ParameterizedTest
    @ValueSource(ints = {301, 302, 307})
    void aRedirectIsNeverFollowedAndPointsAtTheOrgUrl(int status) {
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(aResponse().withStatus(status)
                .withHeader("Location", "https://login.microsoftonline.com/")));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.deletion().delete(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.REDIRECT);
        assertThat(breach.getMessage()).contains("org_url", "never followed");
        assertThat(provider.getAllServeEvents()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{}", "{\"leadid\":\"7a1e4c90-2d3b-4f5a-8e6d-1c2b3a4f5e60\"}",
            "{\"leadid\":\"3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34\",\"createdon\":\"yesterday\"}"})
    void aFetchAnswerThatIsNotTheLeadAskedForIsABreach(String body) {
        provider.stubFor(get(urlPathEqualTo(fullLeadPath())).willReturn(
                aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

        ProviderContractBreach breach = catchThrowableOfType(ProviderContractBreach.class, () -> adapter.lookup().fetch(call()));

        assertThat(breach.kind()).isEqualTo(ProviderContractBreach.Kind.UNEXPECTED_BODY);
        assertThat(breach.getMessage()).startsWith("Dynamics 365 answered 200 to a lead fetch");
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 202, 204})
    void anyTwoHundredToADeleteIsASuccessWhateverItsBody(int status) {
        var answer = aResponse().withStatus(status);
        if (status != 204) {
            answer = answer.withHeader("Content-Type", "application/json").withBody("{\"error\":{\"code\":\"\"}}");
        }
        provider.stubFor(delete(urlPathEqualTo(fullLeadPath())).willReturn(answer));

        assertThat(adapter.deletion().delete(call()).id()).isEqualTo(LEAD_ID);
    }

    private static ResponseDefinitionBuilder dataverseError(int status, String code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; odata.metadata=minimal")
                .withBody("{\"error\":{\"code\":\"" + code + "\",\"message\":" + jsonString(message) + "}}");
    }

    private static String jsonString(String text) {
        try {
            return Answers.JSON.writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String documentedLead() {
        try (InputStream in = Dynamics365SalesLeadDeletionAdapterTest.class.getResourceAsStream("/dynamics-365-sales/lead.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
