package dev.unifiedcrm.sandbox;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Fresh account ids and credentials for one start; backed by a {@link SecureRandom} (thread-safe). */
final class RandomValues {

    private final SecureRandom random;

    RandomValues(SecureRandom random) {
        this.random = random;
    }

    /** A lower-case random (version 4) UUID. */
    String uuid() {
        byte[] bytes = bytes(16);
        bytes[6] = (byte) ((bytes[6] & 0x0f) | 0x40);
        bytes[8] = (byte) ((bytes[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(bytes);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    /** {@code byteCount} random bytes as lower-case hex. */
    String hex(int byteCount) {
        return HexFormat.of().formatHex(bytes(byteCount));
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
