package dev.unifiedcrm.domain;

/**
 * An exchange the provider completed as asked: a {@link DeletedLead} or a {@link FetchedLead}. Both
 * keep the provider's answer as it came, so a caller reads it without knowing which one it holds.
 */
public sealed interface ProviderSuccess permits DeletedLead, FetchedLead {

    /** The provider's 2xx answer. */
    ProviderAnswer answer();
}
