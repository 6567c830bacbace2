package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.AuditTrail;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One line of the audit log as UTF-8 JSON, written directly: its keys are fixed and its values are
 * strings, whole numbers or null, so a general-purpose writer (a map, then Jackson walking it)
 * would only add work. Strings are escaped as Jackson escapes them (quote and backslash, the short
 * escapes for backspace, tab, line feed, form feed and carriage return, a six-character Unicode
 * escape with upper-case hex digits for the other control characters, every other character as it
 * is), so the file reads the same as before; a lone surrogate, which has no UTF-8 form, is written
 * as its Unicode escape rather than replaced.
 */
final class AuditLine {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder json = new StringBuilder(320);

    private AuditLine(Instant time, AuditTrail.Deletion deletion, String phase) {
        json.append("{\"time\":\"");
        IsoInstants.append(json, time);
        json.append('"');
        string("request_id", deletion.requestId());
        string("integrated_account_id", deletion.accountId().value());
        string("integration", deletion.integration().name());
        string("lead_id", deletion.leadId());
        string("phase", phase);
    }

    /** {@code {"time",...,"phase":"started"}} and a line break. */
    static byte[] started(Instant time, AuditTrail.Deletion deletion) {
        return new AuditLine(time, deletion, "started").end();
    }

    /** The started line's fields with {@code "phase":"finished"}, then outcome, provider status and duration. */
    static byte[] finished(Instant time, AuditTrail.Deletion deletion, AuditTrail.Result result) {
        var line = new AuditLine(time, deletion, "finished");
        line.string("outcome", result.outcome().wireName());
        line.key("provider_status");
        if (result.providerStatus().isPresent()) {
            line.json.append(result.providerStatus().getAsInt());
        } else {
            line.json.append("null");
        }
        line.key("duration_ms");
        line.json.append(result.duration().toMillis());
        return line.end();
    }

    private void key(String name) {
        json.append(",\"").append(name).append("\":");
    }

    private void string(String name, String value) {
        key(name);
        json.append('"');
        appendEscaped(json, value);
        json.append('"');
    }

    private byte[] end() {
        return json.append("}\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static void appendEscaped(StringBuilder target, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> target.append("\\\"");
                case '\\' -> target.append("\\\\");
                case '\b' -> target.append("\\b");
                case '\t' -> target.append("\\t");
                case '\n' -> target.append("\\n");
                case '\f' -> target.append("\\f");
                case '\r' -> target.append("\\r");
                default -> {
                    if (c < 0x20) {
                        unicodeEscape(target, c);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                        target.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        unicodeEscape(target, c);
                    } else {
                        target.append(c);
                    }
                }
            }
        }
    }

    private static void unicodeEscape(StringBuilder target, char c) {
        target.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
}
