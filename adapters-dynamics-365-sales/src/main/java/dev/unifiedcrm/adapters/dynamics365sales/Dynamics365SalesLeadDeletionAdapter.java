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
import dev.unifiedcrm.provider.http.AuthorizedExchange;
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Response;
import feign.Target;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Deletes and fetches Dataverse leads: {@code DELETE} and {@code GET {root}/leads({guid})} with
 * {@code Authorization: Bearer <access token>} (the static one, or one obtained by Entra ID's
 * client-credentials grant) and the OData headers. Any 401 from the Web API means "token expired or
 * invalid": an obtained token is dropped, a new one fetched once and the call repeated once; a static
 * token's 401 is the answer. Thread-safe: one instance serves every account.
 *
 * <p>Any 2xx to a delete is success (Dataverse answers 204 without a body) and the deleted id is
 * the path id as sent, the lower-case GUID.
 */
final class Dynamics365SalesLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final Dynamics365SalesClient client;
    private final Dynamics365SalesErrorDecoder errors = new Dynamics365SalesErrorDecoder();
    private final Dynamics365SalesLeadDecoder leads;

    Dynamics365SalesLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(Dynamics365SalesClient.class));
        this.leads = new Dynamics365SalesLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new Dynamics365SalesLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        URI root = apiRoot(call);
        ProviderAnswer answer = exchange(call, "delete", (request, token) -> client.deleteLead(root,
                request.encodedLeadId(), authorization(token), request.encodedQuery(), request.options()));
        // The body of a 2xx is not judged: 204 is documented, and the row is gone whatever else comes.
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
        // Tells Dataverse's own redirect apart from one of the token endpoint, which the kit already words.
        var lastStatus = new AtomicInteger();
        AuthorizedExchange watched = (request, token) -> {
            Response response = exchange.send(request, token);
            lastStatus.set(response.status());
            return response;
        };
        try {
            return tokens.exchange(call, "the " + action, watched, errors::decode,
                    Dynamics365SalesLeadDeletionAdapter::tokenExpiredOrInvalid);
        } catch (ProviderContractBreach breach) {
            if (breach.kind() == ProviderContractBreach.Kind.REDIRECT && lastStatus.get() / 100 == 3) {
                throw Dynamics365SalesErrorDecoder.redirect(breach.providerAnswer(), action);
            }
            throw breach;
        }
    }

    /**
     * Any 401 from the Web API, whatever its body (usually none). A 401 {@code 0x80072560} ("not a member of the
     * organization") is one too: a new token cannot fix it, but telling it apart would rest on an error code
     * Dataverse does not promise, and it costs one token request.
     */
    static boolean tokenExpiredOrInvalid(ProviderAnswer answer) {
        return answer.status() == 401;
    }

    private static URI apiRoot(ProviderCall call) {
        return Dynamics365SalesAccountContext.of(call.account()).apiRoot(call.account().baseUrl());
    }

    private static Map<String, Object> authorization(String accessToken) {
        return Map.of("Authorization", "Bearer " + accessToken);
    }
}
