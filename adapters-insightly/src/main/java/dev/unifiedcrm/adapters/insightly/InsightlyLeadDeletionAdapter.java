package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.Lead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.io.IOException;
import java.util.Map;

/**
 * Deletes and fetches Insightly leads ({@code DELETE} and {@code GET {root}/Leads/{id}}). One
 * instance serves every account: the account, its API root and its key come with each call.
 * Thread-safe: it holds only immutable, shared collaborators.
 */
final class InsightlyLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final InsightlyClient client;
    private final ProviderHttp http;
    private final InsightlyJson json;
    private final InsightlyErrorDecoder errors = new InsightlyErrorDecoder();
    private final InsightlyLeadMapper mapper = InsightlyLeadMapper.INSTANCE;

    InsightlyLeadDeletionAdapter(InsightlyClient client, ProviderHttp http, InsightlyJson json) {
        this.client = client;
        this.http = http;
        this.json = json;
    }

    /** Any 2xx is success and its body is not judged (202 expected); the deleted id is the id sent. */
    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                InsightlyAccount.apiRoot(call.account()), request.encodedLeadId(), request.encodedQuery(),
                authorization(call), request.options()), errors::decode);
        return new DeletedLead(call.leadId().value(), answer);
    }

    /** A 200 whose body is the lead object; anything else that is not an error is a contract breach. */
    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.getLead(
                InsightlyAccount.apiRoot(call.account()), request.encodedLeadId(), authorization(call), request.options()),
                errors::decode);
        if (!(answer.parsedBody() instanceof RemoteBody.Json body) || !(body.value() instanceof Map<?, ?> object)) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Insightly answered the fetch with " + answer.status() + " but not with a lead object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> leadObject = (Map<String, Object>) object;
        InsightlyLeadDto dto;
        try {
            dto = json.read(answer.body(), InsightlyLeadDto.class);
        } catch (IOException e) {
            throw unreadableLead(answer, "a field has an unexpected type");
        }
        if (mapper.text(dto.leadId()) == null) {
            throw unreadableLead(answer, "it has no LEAD_ID");
        }
        Lead lead;
        try {
            lead = mapper.toLead(dto, leadObject);
        } catch (IllegalArgumentException e) {
            // The mapper's own messages name the problem without quoting the provider's data.
            throw unreadableLead(answer, e.getMessage());
        }
        if (!call.leadId().value().equals(lead.id())) {
            throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                    "Insightly answered the fetch of lead " + call.leadId() + " with lead " + lead.id());
        }
        return new FetchedLead(lead, answer);
    }

    private static Map<String, Object> authorization(ProviderCall call) {
        return Map.of("Authorization", InsightlyAccount.authorization(call.account()));
    }

    private static ProviderContractBreach unreadableLead(ProviderAnswer answer, String why) {
        return new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Insightly answered the fetch with a lead object that cannot be read: " + why);
    }
}
