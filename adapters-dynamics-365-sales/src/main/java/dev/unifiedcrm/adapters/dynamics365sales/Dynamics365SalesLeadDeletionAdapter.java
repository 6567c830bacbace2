package dev.unifiedcrm.adapters.dynamics365sales;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.provider.http.ProviderExchange;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.net.URI;
import java.util.Map;

/**
 * Deletes and fetches Dataverse leads: {@code DELETE} and {@code GET {root}/leads({guid})} with
 * {@code Authorization: Bearer <access_token>} and the OData headers. Thread-safe: one instance
 * serves every account.
 *
 * <p>Any 2xx to a delete is success (Dataverse answers 204 without a body) and the deleted id is
 * the path id as sent, the lower-case GUID.
 */
final class Dynamics365SalesLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final Dynamics365SalesClient client;
    private final Dynamics365SalesErrorDecoder errors = new Dynamics365SalesErrorDecoder();
    private final Dynamics365SalesLeadDecoder leads;

    Dynamics365SalesLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(Dynamics365SalesClient.class));
        this.leads = new Dynamics365SalesLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new Dynamics365SalesLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "delete", request -> client.deleteLead(root, request.encodedLeadId(),
                authorization(call), request.encodedQuery(), request.options()));
        // The body of a 2xx is not judged: 204 is documented, and the row is gone whatever else comes.
        return new DeletedLead(call.leadId().value(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "fetch", request -> client.getLead(root, request.encodedLeadId(),
                authorization(call), request.options()));
        return new FetchedLead(leads.decode(answer, call.leadId().value()), answer);
    }

    private ProviderAnswer exchange(ProviderCall call, String action, ProviderExchange exchange) {
        try {
            return http.exchange(call, "the " + action, exchange, errors::decode);
        } catch (ProviderContractBreach breach) {
            if (breach.kind() == ProviderContractBreach.Kind.REDIRECT) {
                throw Dynamics365SalesErrorDecoder.redirect(breach.providerAnswer(), action);
            }
            throw breach;
        }
    }

    private static URI apiRoot(ProviderCall call) {
        return Dynamics365SalesAccountContext.of(call.account()).apiRoot(call.account().baseUrl());
    }

    private static Map<String, Object> authorization(ProviderCall call) {
        return Map.of("Authorization", "Bearer " + call.account().credentials().require(Dynamics365SalesAdapterProvider.ACCESS_TOKEN));
    }
}
