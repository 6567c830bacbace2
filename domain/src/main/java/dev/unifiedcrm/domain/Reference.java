package dev.unifiedcrm.domain;

import java.util.Objects;

/** A reference to another record in the CRM (an owner, a contact, an account), by its provider id. */
public record Reference(String id) {

    public Reference {
        Objects.requireNonNull(id, "reference id");
    }

    /** A reference to {@code id}, or null when the id is null or empty: the provider has nothing there. */
    public static Reference toId(String id) {
        return id == null || id.isEmpty() ? null : new Reference(id);
    }
}
