package dev.unifiedcrm.api.http;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code x-request-id} of an answer: the caller's when it is safe to echo, else a fresh one. */
final class RequestIds {

    static final String HEADER = "x-request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private RequestIds() {
    }

    static String accept(String callerValue) {
        return callerValue != null && ACCEPTED.matcher(callerValue).matches() ? callerValue : fresh();
    }

    static String fresh() {
        return UUID.randomUUID().toString();
    }
}
