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
import dev.unifiedcrm.provider.http.OAuthTokens;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.util.Map;

/**
 * Deletes and fetches Pipedrive leads: {@code DELETE {root}/leads/{id}} and {@code GET {root}/leads/{id}}
 * with the {@code x-api-token} header (a personal API token) or {@code Authorization: Bearer} (an access
 * token obtained with the account's refresh token). Pipedrive's gateway answers expired, revoked and
 * wrong tokens alike (401 {@code "unauthorized access"}), so with the OAuth set any 401 earns one new
 * token and one repeat of the exchange; a second 401 is the answer. Thread-safe: one instance serves
 * every account.
 *
 * <p>A 2xx is judged by its {@code {"success": ..., "data": ...}} envelope: {@code "success": true} is
 * the success (the deleted id is {@code data.id}, else the id sent), {@code "success": false} with an
 * {@code errorCode} is the failure that code names, and anything else breaks Pipedrive's contract.
 */
final class PipedriveLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final OAuthTokens tokens;
    private final PipedriveClient client;
    private final PipedriveErrorDecoder errors = new PipedriveErrorDecoder();
    private final PipedriveLeadDecoder leads;

    PipedriveLeadDeletionAdapter(ProviderHttp http, OAuthTokens tokens) {
        this.tokens = tokens;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(PipedriveClient.class));
        this.leads = new PipedriveLeadDecoder(JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build(), new PipedriveLeadMapperImpl());
    }

    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = tokens.exchange(call, "the delete", (request, token) -> client.deleteLead(
                PipedriveAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call, token),
                request.encodedQuery(), request.options()), errors::decode, PipedriveLeadDeletionAdapter::tokenRejected);
        return new DeletedLead(success(answer, "delete").deletedId(call.leadId().value()), answer);
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        ProviderAnswer answer = tokens.exchange(call, "the fetch", (request, token) -> client.getLead(
                PipedriveAdapterProvider.apiRoot(call.account()), request.encodedLeadId(), authorization(call, token),
                request.options()), errors::decode, PipedriveLeadDeletionAdapter::tokenRejected);
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

    private Map<String, Object> authorization(ProviderCall call, String token) {
        if (tokens.isOAuth(call.account())) {
            return Map.of("Authorization", "Bearer " + token);
        }
        // The header, never the api_token query parameter: a secret in a URL ends up in logs and proxies.
        return Map.of("x-api-token", token);
    }

    /**
     * Pipedrive's "token expired or invalid": any 401, since its gateway gives expired, revoked and wrong
     * tokens the same body. Only the OAuth set acts on it; a static token's 401 is the answer.
     */
    static boolean tokenRejected(ProviderAnswer answer) {
        return answer.status() == 401;
    }
}
