package dev.unifiedcrm.domain;

/** Whether a request reached the provider: what decides if a retry is safe and if a delete is uncertain. */
public enum Delivery {
    /** Nothing was sent: the connection could not be opened. */
    NOT_SENT,
    /** The request may have reached the provider, but no complete answer came back. */
    MAYBE_DELIVERED,
    /** The provider answered. */
    ANSWERED
}
