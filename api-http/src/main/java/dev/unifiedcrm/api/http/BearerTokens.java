package dev.unifiedcrm.api.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The configured API tokens. Only their SHA-256 digests are kept, and a presented token is compared
 * with every one of them in constant time, so neither timing nor a heap dump gives a token away.
 *
 * <p>Each request thread keeps one {@code MessageDigest} and reuses it: looking the algorithm up
 * through the security providers for every request costs more than the hash itself.
 */
final class BearerTokens {

    private static final String SCHEME = "bearer";
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(BearerTokens::newSha256);

    private final List<byte[]> digests;
    private final List<String> callerIds;

    BearerTokens(List<String> tokens) {
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("at least one API token is needed");
        }
        this.digests = tokens.stream().map(BearerTokens::sha256).toList();
        this.callerIds = digests.stream().map(HexFormat.of()::formatHex).toList();
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
        if (space != SCHEME.length() || !header.regionMatches(true, 0, SCHEME, 0, space)) {
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
        return match < 0 ? Optional.empty() : Optional.of(callerIds.get(match));
    }

    private static byte[] sha256(String token) {
        // digest() leaves the instance reset for the thread's next token.
        return SHA_256.get().digest(token.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
