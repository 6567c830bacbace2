package dev.unifiedcrm.api.http;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The {@code x-request-id} of an answer: the caller's when it is safe to echo, else a fresh one.
 *
 * <p>A fresh id is a random UUID (version 4): 122 bits from the thread's own {@link ThreadLocalRandom},
 * mixed with a key drawn once per process from a strong random source so that replicas' streams are
 * independent. Making one takes no lock, unlike {@link UUID#randomUUID()} and its shared
 * {@code SecureRandom}; and unlike a counter, ids say nothing about how many requests the service
 * has answered. Ids are labels for logs, not secrets: their unpredictability is not relied on.
 */
final class RequestIds {

    static final String HEADER = "x-request-id";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final long VERSION_BITS = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long VARIANT_BITS = 0xC000_0000_0000_0000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private static final long PROCESS_HIGH;
    private static final long PROCESS_LOW;

    static {
        var strong = new SecureRandom();
        PROCESS_HIGH = strong.nextLong();
        PROCESS_LOW = strong.nextLong();
    }

    private RequestIds() {
    }

    static String accept(String callerValue) {
        return callerValue != null && ACCEPTED.matcher(callerValue).matches() ? callerValue : fresh();
    }

    static String fresh() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() ^ PROCESS_HIGH) & ~VERSION_BITS | VERSION_4;
        long low = (random.nextLong() ^ PROCESS_LOW) & ~VARIANT_BITS | VARIANT_RFC;
        return new UUID(high, low).toString();
    }
}
