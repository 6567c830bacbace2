package dev.unifiedcrm.adapters.pipedrive;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Pipedrive leads: {@code DELETE {root}/leads/{id}} and {@code GET {root}/leads/{id}}
 * with the {@code x-api-token} header. Thread-safe: one instance serves every account.
 *
 * <p>A 2xx is judged by its {@code {"success": ..., "data": ...}} envelope: {@code "success": true} is
 * the success (the deleted id is {@code data.id}, else the id sent), {@code "success": false} with an
 * {@code errorCode} is the failure that code names, and anything else breaks Pipedrive's contract.
 */
final class PipedriveLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final PipedriveClient client;
    private final PipedriveErrorDecoder errors = new PipedriveErrorDecoder();
    private final PipedriveLeadDecoder leads;

    PipedriveLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(PipedriveClient.class));
        this.leads = new PipedriveLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new PipedriveLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                PipedriveAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call),
                request.encodedQuery(), request.options()), errors::decode);
        return new DeletedLead(success(answer, "delete").deletedId(call.leadId().value()), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.getLead(
                PipedriveAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call),
                request.options()), errors::decode);
        return new FetchedLead(leads.decode(answer, success(answer, "lead fetch")), answer);
    }

    /** The 2xx's envelope when it says success; else the failure it reports, or a breach. */
    private static PipedriveEnvelope.Reading.Success success(ProviderAnswer answer, String what) {
        PipedriveEnvelope.Reading reading = PipedriveEnvelope.read(answer);
        if (reading instanceof PipedriveEnvelope.Reading.Success success) {
            return success;
        }
        if (reading instanceof PipedriveEnvelope.Reading.ReportedFailure failure) {
            throw ProviderRejection.reportedInBody(answer, failure.status(), failure.message(), failure.code(),
                    answer.header("x-correlation-id").filter(value -> !value.isBlank()).orElse(null),
                    failure.quotaExhausted());
        }
        var breach = (PipedriveEnvelope.Reading.Breach) reading;
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                breach.reason() + " (answering a " + what + ")");
    }

    private static Map<String, Object> authorization(ProviderCall call) {
        // The header, never the api_token query parameter: a secret in a URL ends up in logs and proxies.
        return Map.of("x-api-token", call.account().credentials().require(PipedriveAdapterProvider.API_TOKEN));
    }
}
