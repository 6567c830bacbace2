package dev.unifiedcrm.adapters.salesforce;

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
 * Deletes and fetches Salesforce leads: {@code DELETE} and {@code GET {root}/sobjects/Lead/{id}}
 * with {@code Authorization: Bearer <access_token>}. Thread-safe: one instance serves every account.
 *
 * <p>Any 2xx to a delete is success (Salesforce answers 204 without a body) and the deleted id is
 * the path id as sent. Every answer handed on, failures included, carries
 * the figures of {@code Sforce-Limit-Info} as its rate limit ({@link ProviderAnswer#rateLimit()}).
 */
final class SalesforceLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final SalesforceClient client;
    private final SalesforceErrorDecoder errors = new SalesforceErrorDecoder();
    private final SalesforceLeadDecoder leads;

    SalesforceLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(SalesforceClient.class));
        this.leads = new SalesforceLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new SalesforceLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "delete", request -> client.deleteLead(root, request.encodedLeadId(),
                authorization(call), request.encodedQuery(), request.options()));
        // The body of a 2xx is not judged: 204 is documented, and the lead is gone whatever else comes.
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
            return SalesforceLimitInfo.read(http.exchange(call, "the " + action, exchange,
                    answer -> errors.decode(SalesforceLimitInfo.read(answer))));
        } catch (ProviderContractBreach breach) {
            ProviderAnswer answer = SalesforceLimitInfo.read(breach.providerAnswer());
            if (breach.kind() == ProviderContractBreach.Kind.REDIRECT) {
                throw SalesforceErrorDecoder.redirect(answer, action);
            }
            throw new ProviderContractBreach(breach.kind(), answer, breach.getMessage());
        }
    }

    private static URI apiRoot(ProviderCall call) {
        return SalesforceAccountContext.of(call.account(), false).apiRoot(call.account().baseUrl());
    }

    private static Map<String, Object> authorization(ProviderCall call) {
        return Map.of("Authorization", "Bearer " + call.account().credentials().require(SalesforceAdapterProvider.ACCESS_TOKEN));
    }
}
