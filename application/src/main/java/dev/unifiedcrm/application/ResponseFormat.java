package dev.unifiedcrm.application;

import java.util.Optional;

/** The shape of a successful answer ({@code truto_response_format}). */
public enum ResponseFormat {
    /** Only the fields the integration's mapping fills. */
    UNIFIED("unified"),
    /** Every field of the unified schema, in schema order, {@code null} where unknown. */
    NORMALIZED("normalized"),
    /** The provider's answer as it came: status, {@code Content-Type} and body bytes. */
    RAW("raw");

    private final String parameterValue;

    ResponseFormat(String parameterValue) {
        this.parameterValue = parameterValue;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** Exact, case-sensitive match of the query parameter's value; empty for anything else. */
    public static Optional<ResponseFormat> fromParameter(String value) {
        for (ResponseFormat format : values()) {
            if (format.parameterValue.equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
