package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Sell leads: {@code DELETE {root}/leads/{id}} and {@code GET {root}/leads/{id}}
 * with {@code Authorization: Bearer <access_token>}. Thread-safe: one instance serves every account
 * (each {@link ProviderCall} brings its account, API root and token).
 *
 * <p>Any 2xx to a delete is success (Sell documents 204 without a body; a body is kept but not
 * judged) and the deleted id is the id sent.
 */
final class ZendeskSellLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final ZendeskSellClient client;
    private final ZendeskSellErrorDecoder errors = new ZendeskSellErrorDecoder();
    private final ZendeskSellLeadDecoder leads;

    ZendeskSellLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        // No dismiss404(): methods return the raw Response and the kit judges every status.
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(ZendeskSellClient.class));
        this.leads = new ZendeskSellLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new ZendeskSellLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call),
                request.encodedQuery(), request.options()), errors::decode);
        // Sell answers 204 with no body; any 2xx means the lead is gone, whatever the body says.
        return new DeletedLead(call.leadId().value(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.getLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call),
                request.options()), errors::decode);
        return new FetchedLead(leads.decode(answer), answer);
    }

    private static Map<String, Object> authorization(ProviderCall call) {
        // Sell also refuses requests without a User-Agent (400 invalid_user_agent): the kit always sends one.
        return Map.of("Authorization", "Bearer " + call.account().credentials().require(ZendeskSellAdapterProvider.ACCESS_TOKEN));
    }
}
