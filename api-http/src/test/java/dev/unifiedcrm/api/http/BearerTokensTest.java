package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BearerTokensTest {

    private final BearerTokens tokens = new BearerTokens(List.of("first-token", "second-token"));

    @Test
    void aConfiguredTokenAuthenticatesAsItsSha256InHex() throws Exception {
        assertThat(tokens.authenticate("Bearer second-token")).contains(sha256Hex("second-token"));
        assertThat(tokens.authenticate("  bEaReR   first-token  ")).contains(sha256Hex("first-token"));
    }

    @Test
    void anythingElseIsRefused() {
        for (String header : new String[]{null, "", "Bearer", "Bearer ", "Bearer  ", "Basic first-token", "Bearerfirst-token",
                "Bearers first-token", "Bear first-token", "Bearer first-token-not", "Bearer FIRST-TOKEN", "first-token"}) {
            assertThat(tokens.authenticate(header)).as("%s", header).isEmpty();
        }
    }

    @Test
    void threadsCheckingDifferentTokensAtOnceEachGetTheirOwnAnswer() throws Exception {
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String token = t % 2 == 0 ? "first-token" : "second-token";
                Optional<String> expected = Optional.of(sha256Hex(token));
                checks.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        if (!tokens.authenticate("Bearer " + token).equals(expected)
                                || tokens.authenticate("Bearer wrong-" + i).isPresent()) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (var check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noTokenIsAConfigurationError() {
        assertThatThrownBy(() -> new BearerTokens(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one API token");
    }

    private static String sha256Hex(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
