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
import dev.unifiedcrm.provider.http.AuthorizedExchange;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Deletes and fetches Salesforce leads: {@code DELETE} and {@code GET {root}/sobjects/Lead/{id}}
 * with {@code Authorization: Bearer <access token>}: the static one, or one obtained by the account's
 * OAuth grant. Thread-safe: one instance serves every account.
 *
 * <p>Salesforce's token answers carry no lifetime, so an obtained token is used until the API answers
 * 401 {@code INVALID_SESSION_ID}; then it is dropped, one new token is obtained and the call repeated
 * once. The {@code instance_url} of a token answer is never followed: every call goes to the
 * configured root, so a token answer can never send a delete (with its token) to another host.
 *
 * <p>Any 2xx to a delete is success (Salesforce answers 204 without a body) and the deleted id is
 * the path id as sent. Every answer handed on, failures included, carries
 * the figures of {@code Sforce-Limit-Info} as its rate limit ({@link ProviderAnswer#rateLimit()}).
 */
final class SalesforceLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final SalesforceClient client;
    private final SalesforceErrorDecoder errors = new SalesforceErrorDecoder();
    private final SalesforceLeadDecoder leads;

    SalesforceLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(SalesforceClient.class));
        this.leads = new SalesforceLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new SalesforceLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "delete", (request, token) -> client.deleteLead(root,
                request.encodedLeadId(), authorization(token), request.encodedQuery(), request.options()));
        // The body of a 2xx is not judged: 204 is documented, and the lead is gone whatever else comes.
        return new DeletedLead(call.leadId().value(), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "fetch", (request, token) -> client.getLead(root,
                request.encodedLeadId(), authorization(token), request.options()));
        return new FetchedLead(leads.decode(answer, call.leadId().value()), answer);
    }

    private ProviderAnswer exchange(ProviderCall call, String action, AuthorizedExchange exchange) {
        // Tells an API redirect (a wrong instance_url) from one of the token endpoint, which the kit reports itself.
        var apiRedirected = new AtomicBoolean();
        AuthorizedExchange watched = (request, token) -> {
            var response = exchange.send(request, token);
            apiRedirected.set(response.status() >= 300 && response.status() < 400);
            return response;
        };
        try {
            return SalesforceLimitInfo.read(tokens.exchange(call, "the " + action, watched,
                    answer -> errors.decode(SalesforceLimitInfo.read(answer)),
                    SalesforceErrorDecoder::isTokenExpiredOrInvalid));
        } catch (ProviderContractBreach breach) {
            if (!apiRedirected.get() && breach.kind() == ProviderContractBreach.Kind.REDIRECT) {
                throw breach;
            }
            ProviderAnswer answer = SalesforceLimitInfo.read(breach.providerAnswer());
            if (breach.kind() == ProviderContractBreach.Kind.REDIRECT) {
                throw SalesforceErrorDecoder.redirect(answer, action);
            }
            throw new ProviderContractBreach(breach.kind(), answer, breach.getMessage());
        }
    }

    private static URI apiRoot(ProviderCall call) {
        return SalesforceAdapterProvider.context(call.account()).apiRoot(call.account().baseUrl());
    }

    private static Map<String, Object> authorization(String accessToken) {
        return Map.of("Authorization", "Bearer " + accessToken);
    }
}
