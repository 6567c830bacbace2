package dev.unifiedcrm.adapters.zendesksell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Sell leads: {@code DELETE {root}/leads/{id}} and {@code GET {root}/leads/{id}}
 * with {@code Authorization: Bearer <access token>}: the static one, or one obtained with the account's
 * refresh token (renewed once, and the exchange repeated once, when Sell answers 401). Thread-safe: one
 * instance serves every account (each {@link ProviderCall} brings its account, API root and credentials).
 *
 * <p>Any 2xx to a delete is success (Sell documents 204 without a body; a body is kept but not
 * judged) and the deleted id is the id sent.
 */
final class ZendeskSellLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final ZendeskSellClient client;
    private final ZendeskSellErrorDecoder errors = new ZendeskSellErrorDecoder();
    private final ZendeskSellLeadDecoder leads;

    ZendeskSellLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        // No dismiss404(): methods return the raw Response and the kit judges every status.
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(ZendeskSellClient.class));
        this.leads = new ZendeskSellLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new ZendeskSellLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = tokens.exchange(call, "the delete", (request, token) -> client.deleteLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(token),
                request.encodedQuery(), request.options()), errors::decode, ZendeskSellLeadDeletionAdapter::tokenExpired);
        // Sell answers 204 with no body; any 2xx means the lead is gone, whatever the body says.
        return new DeletedLead(call.leadId().value(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = tokens.exchange(call, "the fetch", (request, token) -> client.getLead(
                ZendeskSellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(token),
                request.options()), errors::decode, ZendeskSellLeadDeletionAdapter::tokenExpired);
        return new FetchedLead(leads.decode(answer), answer);
    }

    private static Map<String, Object> authorization(String accessToken) {
        // Sell also refuses requests without a User-Agent (400 invalid_user_agent): the kit always sends one.
        return Map.of("Authorization", "Bearer " + accessToken);
    }

    /** Sell answers an expired, revoked or unknown access token with 401 {@code unauthorized}. */
    static boolean tokenExpired(ProviderAnswer answer) {
        return answer.status() == 401;
    }
}
