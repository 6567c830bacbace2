package dev.unifiedcrm.adapters.zohocrm;

import dev.unifiedcrm.domain.QueryParameter;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Guards the pass-through query of a delete. {@code DELETE /Leads?ids=…} is Zoho's bulk delete (up to
 * 100 records): an {@code ids} parameter next to the lead's path could widen one delete to many, so
 * it is refused (400) before Zoho is called. {@code wf_trigger=false} and the rest pass.
 */
final class ZohoCrmRemoteQuery {

    private ZohoCrmRemoteQuery() {
    }

    /** Why the query is refused, or empty when it may be sent. */
    static Optional<String> refusal(List<QueryParameter> remoteQuery) {
        return remoteQuery.stream()
                .filter(parameter -> parameter.name().toLowerCase(Locale.ROOT).equals("ids"))
                .findFirst()
                .map(parameter -> "remote_query[" + parameter.name() + "] is not accepted: it would make Zoho CRM"
                        + " delete several records; delete one lead per request by its id in the path");
    }
}
