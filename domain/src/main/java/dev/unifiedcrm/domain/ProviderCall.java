package dev.unifiedcrm.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One exchange with a provider about one lead.
 *
 * @param account     whose provider, with its credentials
 * @param leadId      the id as it must be sent (already checked against the integration's format);
 *                    it becomes exactly one path segment of the provider URL
 * @param remoteQuery query parameters for the provider, in order, repeats kept; empty for a fetch
 * @param timeout     the longest this exchange may take, from connecting to the last body byte
 * @param fetchedBefore for a delete, the lead as this same request fetched it just before (when the
 *                    caller asked for the deleted lead): an adapter whose delete first checks the lead
 *                    (that it exists, that it is one the account may delete) may take that fetch as
 *                    the check instead of asking the provider again; empty otherwise
 */
public record ProviderCall(
        IntegratedAccount account,
        LeadId leadId,
        List<QueryParameter> remoteQuery,
        Duration timeout,
        Optional<FetchedLead> fetchedBefore) {

    public ProviderCall {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(leadId, "leadId");
        remoteQuery = List.copyOf(remoteQuery);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
        Objects.requireNonNull(fetchedBefore, "fetchedBefore");
    }

    /** A call without a lead fetched before it. */
    public ProviderCall(IntegratedAccount account, LeadId leadId, List<QueryParameter> remoteQuery, Duration timeout) {
        this(account, leadId, remoteQuery, timeout, Optional.empty());
    }

    /** This call, told that the request fetched the lead just before. */
    public ProviderCall withFetchedBefore(FetchedLead fetched) {
        return new ProviderCall(account, leadId, remoteQuery, timeout, Optional.of(fetched));
    }

    /** This call with another time limit (an adapter that makes several exchanges shares the call's time among them). */
    public ProviderCall withTimeout(Duration newTimeout) {
        return new ProviderCall(account, leadId, remoteQuery, newTimeout, fetchedBefore);
    }
}
