package dev.unifiedcrm.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured API tokens. Only their SHA-256 digests are kept, and a presented token is compared
 * with every one of them in constant time, so neither timing nor a heap dump gives a token away.
 */
final class BearerTokens {

    private final List<byte[]> digests;

    BearerTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one API token is needed");
        }
        this.digests = tokens.stream().map(BearerTokens::sha256).toList();
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @return the matching token's SHA-256 digest in hex: the caller's id, the same in every process that has
     *         the token (so a shared idempotency store scopes keys alike), never the token itself
     */
    Optional<String> authenticate(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !header.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return Optional.empty();
        }
        String token = header.substring(space + 1).strip();
        if (token.isEmpty()) {
            return Optional.empty();
        }
        byte[] presented = sha256(token);
        int match = -1;
        for (int i = 0; i < digests.size(); i++) {
            // No early exit: every token is compared whatever matched before.
            if (MessageDigest.isEqual(digests.get(i), presented) && match < 0) {
                match = i;
            }
        }
        return match < 0 ? Optional.empty() : Optional.of(HexFormat.of().formatHex(digests.get(match)));
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
