package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.spi.CredentialStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configuration's {@code credential_store}: a JSON file
 * {@code {"<account id>": {"refresh_token": "..."}}} holding each account's newest refresh token.
 * Read once at start; every change replaces the whole file atomically (a temporary file beside it,
 * mode 0600, then a rename), so a crash leaves the old file or the new one, never half of either.
 * Thread-safe. Messages name the file, never a token.
 */
final class FileCredentialStore implements CredentialStore {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String REFRESH_TOKEN = "refresh_token";

    private final Path file;
    private final Map<String, Map<String, String>> entries;

    private FileCredentialStore(Path file, Map<String, Map<String, String>> entries) {
        this.file = file;
        this.entries = entries;
    }

    /**
     * Reads the store, or starts an empty one when the file does not exist yet (its folder must).
     *
     * @throws InvalidConfigurationException naming the field {@code credential_store} and the file
     */
    static FileCredentialStore open(Path file) throws InvalidConfigurationException {
        Path folder = file.toAbsolutePath().getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw problem(file, "cannot be used: its folder does not exist");
        }
        if (!Files.exists(file)) {
            return new FileCredentialStore(file, new TreeMap<>());
        }
        try {
            Map<String, Map<String, String>> read = JSON.readValue(file.toFile(), new TypeReference<>() {
            });
            if (read == null) {
                throw problem(file, "is not a JSON object of accounts");
            }
            return new FileCredentialStore(file, new TreeMap<>(read));
        } catch (IOException e) {
            throw problem(file, "cannot be read as {\"<account id>\": {\"refresh_token\": \"...\"}}");
        }
    }

    private static InvalidConfigurationException problem(Path file, String what) {
        return new InvalidConfigurationException("field credential_store: the credential store " + file + " " + what);
    }

    @Override
    public synchronized Optional<String> refreshToken(IntegratedAccountId account) {
        Map<String, String> entry = entries.get(account.toString());
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.get(REFRESH_TOKEN)).filter(t -> !t.isEmpty());
    }

    @Override
    public synchronized void saveRefreshToken(IntegratedAccountId account, String refreshToken) {
        var entry = new LinkedHashMap<String, String>();
        entry.put(REFRESH_TOKEN, refreshToken);
        entries.put(account.toString(), entry);
        Path folder = file.toAbsolutePath().getParent();
        Path temporary = null;
        try {
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), entries);
            try {
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("the credential store " + file + " could not be written", e);
        }
    }

    @Override
    public boolean persistent() {
        return true;
    }

    private static void deleteQuietly(Path temporary) {
        if (temporary == null) {
            return;
        }
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // The write already failed; that failure is the one reported.
        }
    }
}
