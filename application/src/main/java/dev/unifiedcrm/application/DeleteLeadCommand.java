package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.QueryParameter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request to delete one lead, with the query already parsed.
 *
 * @param accountId         the integrated account whose CRM holds the lead
 * @param leadId            the path id after percent-decoding, not yet checked against the integration's format
 * @param format            the answer's format
 * @param ignoreRemoteData  {@code truto_ignore_remote_data}
 * @param excludedFields    {@code truto_exclude_fields}: top-level names or dot paths, comma lists already split
 * @param remoteQuery       query parameters for the provider's delete, in order
 * @param returnDeletedLead fetch the lead first and answer with it as it was
 * @param idempotencyKey    the {@code Idempotency-Key} header as received, not yet checked
 * @param caller            who sends the request (an opaque id of the API token, never the token itself);
 *                          idempotency keys belong to it
 * @param requestId         the request's id, for logs and the audit trail
 */
public record DeleteLeadCommand(
        IntegratedAccountId accountId,
        String leadId,
        ResponseFormat format,
        boolean ignoreRemoteData,
        List<String> excludedFields,
        List<QueryParameter> remoteQuery,
        boolean returnDeletedLead,
        Optional<String> idempotencyKey,
        String caller,
        String requestId) {

    public DeleteLeadCommand {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(format, "format");
        excludedFields = List.copyOf(excludedFields);
        remoteQuery = List.copyOf(remoteQuery);
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
    }

    /** A command with the defaults of every optional parameter. */
    public static DeleteLeadCommand of(IntegratedAccountId accountId, String leadId) {
        return new DeleteLeadCommand(accountId, leadId, ResponseFormat.UNIFIED, false, List.of(), List.of(),
                false, Optional.empty(), "library", "library");
    }

    public DeleteLeadCommand withFormat(ResponseFormat newFormat) {
        return new DeleteLeadCommand(accountId, leadId, newFormat, ignoreRemoteData, excludedFields, remoteQuery,
                returnDeletedLead, idempotencyKey, caller, requestId);
    }
}
