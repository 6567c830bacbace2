package dev.unifiedcrm.adapters.zohocrm;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswerReader.Exchange;
import dev.unifiedcrm.adapters.zohocrm.ZohoCrmAnswerReader.Reading;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Zoho CRM leads: {@code DELETE {root}/Leads/{id}} and {@code GET {root}/Leads/{id}}
 * with {@code Authorization: Zoho-oauthtoken <access token>}: the static one, or one obtained with the
 * account's refresh token (dropped, renewed once and the call repeated once when Zoho answers
 * {@code INVALID_TOKEN}). Thread-safe: one instance serves every account (each {@link ProviderCall}
 * brings its account, API root and credentials).
 *
 * <p>Zoho reports most failures inside 2xx bodies ({@code data[0].status: "error"} with a code), so every
 * answer, 2xx or not, is read by {@link ZohoCrmAnswerReader}: its code decides the status.
 */
final class ZohoCrmLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final ZohoCrmClient client;
    private final ZohoCrmLeadDecoder leads;

    ZohoCrmLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        // No dismiss404(): methods return the raw Response and the kit judges every status.
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(ZohoCrmClient.class));
        this.leads = new ZohoCrmLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new ZohoCrmLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ZohoCrmRemoteQuery.refusal(call.remoteQuery()).ifPresent(refusal -> {
            // The service refuses such a query before calling; this guards direct users of the port.
            throw new IllegalArgumentException(refusal);
        });
        String id = call.leadId().value();
        ProviderAnswer answer = tokens.exchange(call, "the delete", (request, token) -> client.deleteLead(
                ZohoCrmAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(token),
                request.encodedQuery(), request.options()), error -> failure(error, Exchange.DELETE, id),
                ZohoCrmLeadDeletionAdapter::tokenExpired);
        Reading reading = ZohoCrmAnswerReader.read(answer, Exchange.DELETE, id, ZohoCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Deleted deleted) {
            return new DeletedLead(deleted.id(), answer);
        }
        throw failure(answer, reading);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        String id = call.leadId().value();
        ProviderAnswer answer = tokens.exchange(call, "the fetch", (request, token) -> client.getLead(
                ZohoCrmAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(token),
                request.options()), error -> failure(error, Exchange.FETCH, id), ZohoCrmLeadDeletionAdapter::tokenExpired);
        Reading reading = ZohoCrmAnswerReader.read(answer, Exchange.FETCH, id, ZohoCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Fetched fetched) {
            return new FetchedLead(leads.decode(answer, fetched.lead()), answer);
        }
        throw failure(answer, reading);
    }

    private static Map<String, Object> headers(String accessToken) {
        return Map.of("Authorization", "Zoho-oauthtoken " + accessToken, "Accept", "application/json");
    }

    /**
     * Zoho's "token expired or invalid": a top-level {@code "code": "INVALID_TOKEN"} (HTTP 401 expected,
     * any status read the same). No other code renews: {@code OAUTH_SCOPE_MISMATCH} or
     * {@code AUTHENTICATION_FAILURE} would fail again with a new token.
     */
    static boolean tokenExpired(ProviderAnswer answer) {
        return answer.parsedBody() instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> body
                && "INVALID_TOKEN".equals(body.get("code"));
    }

    private static ProviderFailure failure(ProviderAnswer answer, Exchange exchange, String id) {
        return failure(answer, ZohoCrmAnswerReader.read(answer, exchange, id, ZohoCrmLeadDeletionAdapter::reasonPhrase));
    }

    private static ProviderFailure failure(ProviderAnswer answer, Reading reading) {
        if (reading instanceof Reading.Failure failure) {
            return ZohoCrmRejections.rejection(answer, failure.status(), failure.message(), failure.code());
        }
        if (reading instanceof Reading.TokenInvalid invalid) {
            // A static token, or a second INVALID_TOKEN right after a renewal: the answer itself.
            return ZohoCrmRejections.rejection(answer, 401, invalid.message(), "INVALID_TOKEN");
        }
        if (reading instanceof Reading.Breach breach) {
            return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer, breach.reason());
        }
        throw new IllegalStateException("a success is not a failure: " + reading);
    }

    private static String reasonPhrase(int status) {
        return ZohoCrmRejections.reasonPhrase(status);
    }
}
