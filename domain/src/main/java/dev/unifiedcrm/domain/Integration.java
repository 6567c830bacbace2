package dev.unifiedcrm.domain;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The name of a CRM integration, spelled exactly as in configuration files and answers (for
 * example {@code acme_crm}). Each adapter names its own.
 *
 * <p>A value rather than an enum: a team adds a CRM by adding an adapter jar that names a new
 * integration, without touching this module.
 */
public record Integration(String name) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public Integration {
        Objects.requireNonNull(name, "integration name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "integration name must be 1 to 32 of [a-z0-9_], starting with a letter");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
