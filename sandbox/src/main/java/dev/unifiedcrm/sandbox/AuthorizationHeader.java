package dev.unifiedcrm.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** Reads the two schemes the simulated CRMs use; never throws on a malformed header. */
final class AuthorizationHeader {

    record BasicCredentials(String user, String password) {
        @Override
        public String toString() {
            return "BasicCredentials[***]";
        }
    }

    private AuthorizationHeader() {
    }

    static Optional<BasicCredentials> basic(String header) {
        return credentialsOf(header, "basic").flatMap(encoded -> {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            return colon < 0
                    ? Optional.empty()
                    : Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
        });
    }

    static Optional<String> bearer(String header) {
        return credentialsOf(header, "bearer");
    }

    /** Compares a presented secret with the expected one in time that does not depend on where they differ. */
    static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> credentialsOf(String header, String scheme) {
        if (header == null) {
            return Optional.empty();
        }
        String trimmed = header.strip();
        int space = trimmed.indexOf(' ');
        if (space < 0 || !trimmed.substring(0, space).toLowerCase(Locale.ROOT).equals(scheme)) {
            return Optional.empty();
        }
        String credentials = trimmed.substring(space + 1).strip();
        return credentials.isEmpty() ? Optional.empty() : Optional.of(credentials);
    }
}
