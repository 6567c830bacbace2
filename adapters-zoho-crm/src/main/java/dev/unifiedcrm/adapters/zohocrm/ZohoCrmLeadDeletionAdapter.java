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
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Zoho CRM leads: {@code DELETE {root}/Leads/{id}} and {@code GET {root}/Leads/{id}}
 * with {@code Authorization: Zoho-oauthtoken <access token>}. Thread-safe: one instance serves every
 * account (each {@link ProviderCall} brings its account, API root and token).
 *
 * <p>Zoho reports most failures inside 2xx bodies ({@code data[0].status: "error"} with a code), so every
 * answer, 2xx or not, is read by {@link ZohoCrmAnswerReader}: its code decides the status.
 */
final class ZohoCrmLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final ZohoCrmClient client;
    private final ZohoCrmLeadDecoder leads;

    ZohoCrmLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
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
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                ZohoCrmAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(call),
                request.encodedQuery(), request.options()), error -> failure(error, Exchange.DELETE, id));
        Reading reading = ZohoCrmAnswerReader.read(answer, Exchange.DELETE, id, ZohoCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Deleted deleted) {
            return new DeletedLead(deleted.id(), answer);
        }
        throw failure(answer, reading);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        String id = call.leadId().value();
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.getLead(
                ZohoCrmAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(call),
                request.options()), error -> failure(error, Exchange.FETCH, id));
        Reading reading = ZohoCrmAnswerReader.read(answer, Exchange.FETCH, id, ZohoCrmLeadDeletionAdapter::reasonPhrase);
        if (reading instanceof Reading.Fetched fetched) {
            return new FetchedLead(leads.decode(answer, fetched.lead()), answer);
        }
        throw failure(answer, reading);
    }

    private static Map<String, Object> headers(ProviderCall call) {
        return Map.of(
                "Authorization", "Zoho-oauthtoken " + call.account().credentials().require(ZohoCrmAdapterProvider.ACCESS_TOKEN),
                "Accept", "application/json");
    }

    private static ProviderFailure failure(ProviderAnswer answer, Exchange exchange, String id) {
        return failure(answer, ZohoCrmAnswerReader.read(answer, exchange, id, ZohoCrmLeadDeletionAdapter::reasonPhrase));
    }

    private static ProviderFailure failure(ProviderAnswer answer, Reading reading) {
        if (reading instanceof Reading.Failure failure) {
            return ZohoCrmRejections.rejection(answer, failure.status(), failure.message(), failure.code());
        }
        if (reading instanceof Reading.TokenInvalid invalid) {
            // A static token is never refreshed: Zoho's "token expired or invalid" is the answer itself.
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
