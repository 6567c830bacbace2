package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Lead;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shape of a successful answer ({@code truto_response_format}): its parameter value and how it
 * shows a lead. Adding a format is adding a constant here; {@link UnifiedAnswers} and the query's
 * error messages follow from it.
 */
public enum ResponseFormat {
    /** Only the fields the integration's mapping fills. */
    UNIFIED("unified", LeadViews::unified),
    /** Every field of the unified schema, in schema order, {@code null} where unknown. */
    NORMALIZED("normalized", LeadViews::normalized),
    /** The provider's answer as it came: status, {@code Content-Type} and body bytes. */
    RAW("raw", null);

    /** The format of a request that names none. */
    public static final ResponseFormat DEFAULT = UNIFIED;

    /** How a format shows a lead as a JSON tree. */
    @FunctionalInterface
    interface LeadView {
        Map<String, Object> show(Lead lead, LeadViews.RemoteData remoteData);
    }

    private final String parameterValue;
    private final LeadView leadView;

    ResponseFormat(String parameterValue, LeadView leadView) {
        this.parameterValue = parameterValue;
        this.leadView = leadView;
    }

    public String parameterValue() {
        return parameterValue;
    }

    /** Whether this format passes the provider's answer on as it came instead of showing a lead. */
    public boolean passesProviderAnswerOn() {
        return leadView == null;
    }

    /** The lead as this format shows it; only for formats that do not pass the provider's answer on. */
    Map<String, Object> show(Lead lead, LeadViews.RemoteData remoteData) {
        if (leadView == null) {
            throw new IllegalStateException(parameterValue + " passes the provider's answer on and shows no lead");
        }
        return leadView.show(lead, remoteData);
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

    /** The accepted values for an error message, the default marked: {@code unified (the default), normalized or raw}. */
    public static String acceptedValues() {
        return spelled(Arrays.stream(values())
                .map(format -> format == DEFAULT ? format.parameterValue + " (the default)" : format.parameterValue)
                .toList());
    }

    /** The formats that show a lead, for an error message: {@code unified or normalized}. */
    public static String leadShowingValues() {
        return spelled(Arrays.stream(values()).filter(format -> !format.passesProviderAnswerOn())
                .map(ResponseFormat::parameterValue).toList());
    }

    private static String spelled(List<String> values) {
        if (values.size() == 1) {
            return values.get(0);
        }
        return String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1);
    }
}
