package dev.unifiedcrm.adapters.pipeliner;

import dev.unifiedcrm.domain.DeletedLead;
import dev.unifiedcrm.domain.FetchedLead;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.LeadDeletionPort;
import dev.unifiedcrm.domain.LeadLookupPort;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.provider.http.ProviderHttp;
import feign.Target;

import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.util.Base64;
import java.util.Map;

/**
 * Deletes and fetches Pipeliner leads ({@code DELETE} / {@code GET {root}/entities/Leads/{id}}) for
 * every Pipeliner account: the account, its API root and credentials come with each call. One
 * exchange per call; retrying is the caller's decision. Thread-safe.
 */
final class PipelinerLeadDeletionAdapter implements LeadDeletionPort, LeadLookupPort {

    private final ProviderHttp http;
    private final PipelinerClient client;
    private final PipelinerJson json = new PipelinerJson();
    private final PipelinerErrorDecoder errorDecoder = new PipelinerErrorDecoder();
    private final PipelinerLeadMapper mapper = PipelinerLeadMapper.INSTANCE;

    PipelinerLeadDeletionAdapter(ProviderHttp http) {
        this.http = http;
        this.client = http.feignBuilder().target(Target.EmptyTarget.create(PipelinerClient.class));
    }

    /** Success is a 2xx whose body is {@code {"success": true, "data": "<lead id>"}}; anything else is a breach. */
    @Override
    public DeletedLead delete(ProviderCall call) {
        ProviderAnswer answer = http.exchange(call, "the delete", request -> client.deleteLead(
                PipelinerAccounts.apiRoot(call.account()), request.encodedLeadId(), request.encodedQuery(),
                authorization(call.account()), request.options()), errorDecoder::decode);
        if (answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> envelope
                && Boolean.TRUE.equals(envelope.get("success"))
                && envelope.get("data") instanceof String data
                && !data.isEmpty()) {
            return mapper.toDeletedLead(json.deleteAnswer(envelope), answer);
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Pipeliner answered " + answer.status() + " to the delete without confirming it: "
                        + describeUnexpected(answer) + ", where {\"success\": true, \"data\": \"<lead id>\"} was expected");
    }

    @Override
    public FetchedLead fetch(ProviderCall call) {
        // The pass-through query is for the delete only: the fetch sends none.
        return fetchedLead(http.exchange(call, "the fetch", request -> client.fetchLead(
                PipelinerAccounts.apiRoot(call.account()), request.encodedLeadId(), authorization(call.account()),
                request.options()), errorDecoder::decode));
    }

    /**
     * Pipeliner's 2xx answer to a fetch, {@code {"success": true, "data": {...}}}, as the unified lead.
     *
     * @throws ProviderRejection a 404 when the lead is marked {@code "is_deleted": true}: Pipeliner
     *         deletes softly and may still serve a deleted lead, which is as good as not found (the
     *         rejection's answer keeps Pipeliner's headers and body, under status 404)
     */
    FetchedLead fetchedLead(ProviderAnswer answer) {
        if (answer.parsedBody() instanceof RemoteBody.Json body
                && body.value() instanceof Map<?, ?> envelope
                && Boolean.TRUE.equals(envelope.get("success"))
                && envelope.get("data") instanceof Map<?, ?> data) {
            if (Boolean.TRUE.equals(data.get("is_deleted"))) {
                throw alreadyDeleted(answer, data.get("id"));
            }
            @SuppressWarnings("unchecked") // JSON object keys are strings
            Map<String, Object> lead = (Map<String, Object>) data;
            try {
                PipelinerLeadDto dto = json.lead(lead);
                if (dto.id() == null || dto.id().isEmpty()) {
                    throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                            "Pipeliner answered " + answer.status() + " to the fetch with a lead that has no id");
                }
                return new FetchedLead(mapper.toLead(dto, lead), answer);
            } catch (IllegalArgumentException | DateTimeException unreadable) {
                throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                        "Pipeliner answered " + answer.status() + " to the fetch with a lead it could not be read from"
                                + " (a field of an unexpected type or a date-time in an unknown form)");
            }
        }
        throw new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY, answer,
                "Pipeliner answered " + answer.status() + " to the fetch without a lead: " + describeUnexpected(answer)
                        + ", where {\"success\": true, \"data\": {...}} was expected");
    }

    private static ProviderRejection alreadyDeleted(ProviderAnswer answer, Object id) {
        var notFound = new ProviderAnswer(404, answer.headers(), answer.contentType(), answer.body(), answer.parsedBody());
        String lead = id instanceof String text && !text.isBlank() ? "lead " + text : "the lead";
        return new ProviderRejection(notFound, "Pipeliner has " + lead + " as already deleted (\"is_deleted\": true):"
                + " it counts as not found", null, null, false);
    }

    private static String describeUnexpected(ProviderAnswer answer) {
        RemoteBody body = answer.parsedBody();
        if (body instanceof RemoteBody.Empty) {
            return "no body";
        }
        if (body instanceof RemoteBody.Text) {
            return "a body that is not JSON";
        }
        if (body instanceof RemoteBody.Json json && json.value() instanceof Map<?, ?> envelope
                && Boolean.FALSE.equals(envelope.get("success"))) {
            return envelope.get("message") instanceof String message && !message.isBlank()
                    ? "\"success\": false (" + message + ")"
                    : "\"success\": false";
        }
        return "JSON of another shape";
    }

    /** HTTP Basic with the API application's user name and password. */
    private static Map<String, Object> authorization(IntegratedAccount account) {
        String pair = account.credentials().require(PipelinerAccounts.USERNAME) + ":"
                + account.credentials().require(PipelinerAccounts.PASSWORD);
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
}
