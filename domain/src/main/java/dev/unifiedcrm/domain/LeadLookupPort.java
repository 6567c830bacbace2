package dev.unifiedcrm.domain;

/**
 * Fetches one lead from one CRM (used to answer with the lead as it was before a delete):
 * one exchange, no retries.
 */
@FunctionalInterface
public interface LeadLookupPort {

    /**
     * @return the lead mapped onto the unified schema, with the provider's lead object as remote data
     * @throws ProviderFailure as {@link LeadDeletionPort#delete}; an answer that is not the provider's
     *                         lead object is a {@link ProviderContractBreach}
     */
    FetchedLead fetch(ProviderCall call);
}
