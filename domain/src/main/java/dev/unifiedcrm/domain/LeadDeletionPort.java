package dev.unifiedcrm.domain;

/**
 * Deletes one lead in one CRM: one exchange, no retries (retrying is the caller's decision).
 */
@FunctionalInterface
public interface LeadDeletionPort {

    /**
     * Sends the provider's delete request for {@code call.leadId()} with the pass-through query.
     *
     * @return the deleted lead's id and the provider's 2xx answer
     * @throws ProviderFailure when the provider did not accept the delete or gave no usable answer:
     *                         {@link ProviderRejection} for a 4xx or 5xx, {@link ProviderContractBreach}
     *                         for a 3xx, a success body that breaks the provider's contract or a body over
     *                         the size limit, {@link ProviderTimeout} and {@link ProviderUnreachable}
     *                         when no answer came
     */
    DeletedLead delete(ProviderCall call);
}
