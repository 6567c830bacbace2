package dev.unifiedcrm.api.http;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The {@code x-request-id} of an answer: the caller's when it is safe to echo, else a fresh one.
 *
 * <p>A fresh id is UUID-shaped (RFC 9562 version 8, the layout left to the issuer): its first half
 * is drawn once per process from a strong random source, its second half counts the process's
 * requests. So ids never repeat within a process, processes almost surely differ (62 random bits),
 * and making one costs an atomic increment rather than a draw from the shared {@code SecureRandom}
 * (with its lock) that {@link UUID#randomUUID()} takes for every id.
 */
final class RequestIds {

    static final String HEADER = "x-request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final long VERSION_8 = 0x8000L;
    private static final long VARIANT = 0x8000_0000_0000_0000L;
    private static final long COUNTER_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

    private static final long PROCESS = (new SecureRandom().nextLong() & ~0xF000L) | VERSION_8;
    private static final AtomicLong COUNTER = new AtomicLong();

    private RequestIds() {
    }

    static String accept(String callerValue) {
        return callerValue != null && ACCEPTED.matcher(callerValue).matches() ? callerValue : fresh();
    }

    static String fresh() {
        return new UUID(PROCESS, VARIANT | (COUNTER.incrementAndGet() & COUNTER_BITS)).toString();
    }
}
