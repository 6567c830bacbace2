package dev.unifiedcrm.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One exchange with a provider about one lead.
 *
 * @param account     whose provider, with its credentials
 * @param leadId      the id as it must be sent (already checked against the integration's format);
 *                    it becomes exactly one path segment of the provider URL
 * @param remoteQuery query parameters for the provider, in order, repeats kept; empty for a fetch
 * @param timeout     the longest this exchange may take, from connecting to the last body byte
 */
public record ProviderCall(
        IntegratedAccount account,
        LeadId leadId,
        List<QueryParameter> remoteQuery,
        Duration timeout) {

    public ProviderCall {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(leadId, "leadId");
        remoteQuery = List.copyOf(remoteQuery);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }
}
