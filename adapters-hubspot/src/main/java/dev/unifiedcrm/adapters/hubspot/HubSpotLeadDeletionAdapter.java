package dev.unifiedcrm.adapters.hubspot;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.List;
import java.util.Map;

/**
 * Deletes and fetches HubSpot leads: {@code DELETE {root}/crm/objects/{version}/leads/{id}} and
 * {@code GET} of the same path with the properties and associations the mapping reads, with
 * {@code Authorization: Bearer <token>}: the static token, or an access token obtained with the
 * account's refresh token. HubSpot says a 401 is no reliable sign of an expired token, so tokens are
 * renewed by their lifetime; still, with the refresh grant any 401 earns one new token and one repeat
 * of the exchange. Thread-safe: one instance serves every account.
 *
 * <p>HubSpot answers 204 to a delete also when the lead does not exist; that answer is the success
 * and the deleted id is the id sent. Every answer carries HubSpot's own rate-limit figures, read
 * from its {@code X-HubSpot-RateLimit-*} headers.
 */
final class HubSpotLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final HubSpotClient client;
    private final HubSpotErrorDecoder errors = new HubSpotErrorDecoder();
    private final HubSpotDeleteDecoder deletes = new HubSpotDeleteDecoder(errors);
    private final HubSpotLeadDecoder leads;

    HubSpotLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(HubSpotClient.class));
        this.leads = new HubSpotLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new HubSpotLeadMapperImpl(), errors);
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        IntegratedAccount account = call.account();
        ProviderAnswer answer = tokens.exchange(call, "the delete", (request, token) -> client.deleteLead(
                HubSpotAdapterProvider.apiRoot(account), HubSpotAdapterProvider.apiVersion(account),
                request.encodedLeadId(), authorization(token), request.encodedQuery(), request.options()),
                this::rejection, HubSpotErrorDecoder::tokenExpiredOrInvalid);
        return deletes.decode(withRateLimit(answer), call.leadId().value());
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        IntegratedAccount account = call.account();
        List<String> custom = HubSpotAdapterProvider.customProperties(account);
        // The fetch names its own query and takes no pass-through one.
        ProviderAnswer answer = withRateLimit(tokens.exchange(call, "the fetch", (request, token) -> client.getLead(
                HubSpotAdapterProvider.apiRoot(account), HubSpotAdapterProvider.apiVersion(account),
                request.encodedLeadId(), HubSpotProperties.fetchQuery(custom), authorization(token), request.options()),
                this::rejection, HubSpotErrorDecoder::tokenExpiredOrInvalid));
        return new FetchedLead(leads.decode(answer, custom), answer);
    }

    private ProviderFailure rejection(ProviderAnswer answer) {
        return errors.decode(withRateLimit(answer));
    }

    private static ProviderAnswer withRateLimit(ProviderAnswer answer) {
        return answer.withRateLimit(HubSpotRateLimitHeaders.from(answer));
    }

    private static Map<String, Object> authorization(String token) {
        return Map.of("Authorization", "Bearer " + token);
    }
}
