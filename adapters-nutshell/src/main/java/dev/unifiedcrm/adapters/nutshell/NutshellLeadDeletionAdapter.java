package dev.unifiedcrm.adapters.nutshell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;
import org.mapstruct.factory.Mappers;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Deletes and fetches Nutshell leads through the REST API: {@code DELETE {root}/leads/<n>-leads} and
 * {@code GET {root}/leads/<n>-leads} with {@code Authorization: Basic base64(username:api_key)}.
 * Thread-safe: one instance serves every account (each {@link ProviderCall} brings its account, API
 * root and credentials).
 *
 * <p>Any 2xx to a delete is a success. Nutshell answers it with the deleted lead, which then
 * describes the unified answer (relations, status, title); a lead in a fetch whose
 * {@code deletedTime} is set is already deleted, answered as Nutshell answers an unknown lead (404).
 */
final class NutshellLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final NutshellClient client;
    private final NutshellErrorDecoder errors = new NutshellErrorDecoder();
    private final NutshellLeadDecoder leads;

    NutshellLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        // No dismiss404(): methods return the raw Response and the kit judges every status.
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(NutshellClient.class));
        this.leads = new NutshellLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), Mappers.getMapper(NutshellLeadMapper.class));
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                NutshellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(call),
                request.encodedQuery(), request.options()), errors::decode);
        String id = call.leadId().value();
        return new DeletedLead(id, leads.deleted(answer, id), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the fetch", request -> client.getLead(
                NutshellAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), headers(call),
                request.options()), errors::decode);
        if (leads.fetched(answer, call.leadId().value()) instanceof NutshellLeadDecoder.Fetched.Live live) {
            return new FetchedLead(live.lead(), answer);
        }
        throw softDeleted(answer);
    }

    /** A soft-deleted lead is gone: the 404 Nutshell gives for a lead it does not hold, with the body as it came. */
    private static ProviderRejection softDeleted(ProviderAnswer answer) {
        var notFound = new ProviderAnswer(404, answer.headers(), answer.contentType(), answer.body(), answer.parsedBody());
        return new ProviderRejection(notFound,
                "Nutshell holds this lead as deleted (its deletedTime is set): it can be restored, not deleted again",
                null, null, false);
    }

    private static Map<String, Object> headers(ProviderCall call) {
        Credentials credentials = call.account().credentials();
        String userAndKey = credentials.require(NutshellAccountCheck.USERNAME) + ":"
                + credentials.require(NutshellAccountCheck.API_KEY);
        return Map.of("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(userAndKey.getBytes(StandardCharsets.UTF_8)),
                "Accept", "application/json");
    }
}
