package dev.unifiedcrm.api.http;

import dev.unifiedcrm.domain.IntegratedAccountId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileCredentialStoreTest {

    private static final IntegratedAccountId FIRST = IntegratedAccountId.parse("0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01").orElseThrow();
    private static final IntegratedAccountId SECOND = IntegratedAccountId.parse("c4e8a2f0-1b3d-4c5e-9f7a-6b8d0e2f4a6c").orElseThrow();
    private static final String ROTATED = "rt-5ecret-rotated-31f0";

    @TempDir
    Path dir;

    @Test
    void aRotatedTokenIsWrittenWithMode0600AndReadAgainAfterARestart() throws Exception {
        Path file = dir.resolve("credentials.json");
        var store = FileCredentialStore.open(file);
        assertThat(store.refreshToken(FIRST)).isEmpty();

        store.saveRefreshToken(FIRST, "rt-old");
        store.saveRefreshToken(SECOND, "rt-other");
        store.saveRefreshToken(FIRST, ROTATED);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("rt-old");
        try (var leftovers = Files.list(dir)) {
            assertThat(leftovers).containsExactly(file);
        }
        var restarted = FileCredentialStore.open(file);
        assertThat(restarted.refreshToken(FIRST)).contains(ROTATED);
        assertThat(restarted.refreshToken(SECOND)).contains("rt-other");
        assertThat(restarted.persistent()).isTrue();
    }

    @Test
    void aFileInAnotherShapeOrAMissingFolderIsABadConfigurationNamingTheFileButNoValue() throws Exception {
        Path file = dir.resolve("credentials.json");
        Files.writeString(file, "{\"" + FIRST + "\": \"" + ROTATED + "\"}");
        assertThatThrownBy(() -> FileCredentialStore.open(file))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("field credential_store: the credential store " + file + " cannot be read")
                .hasMessageNotContaining(ROTATED);
        assertThatThrownBy(() -> FileCredentialStore.open(dir.resolve("absent/credentials.json")))
                .hasMessageContaining("its folder does not exist");
    }

    @Test
    void aWriteThatFailsSaysSoWithoutTheToken() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("store"));
        var store = FileCredentialStore.open(folder.resolve("credentials.json"));
        Files.delete(folder);

        assertThatThrownBy(() -> store.saveRefreshToken(FIRST, ROTATED))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("could not be written")
                .hasMessageNotContaining(ROTATED);
    }
}
