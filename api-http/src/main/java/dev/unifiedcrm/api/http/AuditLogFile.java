package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.application.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The audit trail as a file of JSON lines (the README, section Audit trail; {@code audit_log}):
 * <pre>
 * {"time":"...","request_id":"...","integrated_account_id":"...","integration":"...","lead_id":"...","phase":"started"}
 * {"time":"...", ... ,"phase":"finished","outcome":"deleted","provider_status":202,"duration_ms":41}
 * </pre>
 *
 * <p>The file is opened in append mode only, never truncated, and created when missing (its folder
 * must exist). Each line is written whole under a lock, so lines of concurrent requests never mix,
 * and handed to the operating system (unbuffered: "flushed" as the README promises) before {@link #started}
 * returns, so it survives a crash of this process. It is not forced to the storage device per line:
 * two {@code fsync} per delete cut the service's throughput by two thirds (docs/performance.md);
 * the file is forced when it is closed. When the file cannot be opened
 * or written, {@link #started} throws and the request is answered 500 without a provider call; the
 * next line tries to open the file again. A line cut short by a failed write is closed with a line
 * break before the next one, so every later line still parses.
 *
 * <p>Nothing in a line comes from an account's credentials: an {@link AuditTrail.Deletion} holds
 * none. One file per process: several replicas must not share one file.
 */
final class AuditLogFile implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogFile.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final byte[] LINE_BREAK = {'\n'};

    private final Path path;
    private final Clock clock;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}; null until opened, and again after a failure. */
    private FileChannel channel;
    /** Guarded by {@link #lock}: a failed write may have left part of a line. */
    private boolean lineCutShort;

    /** Opens {@code path} for appending; when that fails, logs why and tries again at the first line. */
    AuditLogFile(Path path, Clock clock) {
        this.path = Objects.requireNonNull(path, "path");
        this.clock = Objects.requireNonNull(clock, "clock");
        synchronized (lock) {
            try {
                open();
            } catch (IOException e) {
                LOG.warn("the audit log {} cannot be opened ({}): every delete will be answered 500 until it can",
                        path, e.toString());
            }
        }
    }

    Path path() {
        return path;
    }

    @Override
    public void started(Deletion deletion) {
        append(line(deletion, "started"));
    }

    @Override
    public void finished(Deletion deletion, Result result) {
        Map<String, Object> line = line(deletion, "finished");
        line.put("outcome", result.outcome().wireName());
        line.put("provider_status", result.providerStatus().isPresent() ? result.providerStatus().getAsInt() : null);
        line.put("duration_ms", result.duration().toMillis());
        append(line);
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (channel != null && channel.isOpen()) {
                try {
                    channel.force(false);
                } catch (IOException e) {
                    LOG.warn("the audit log {} could not be forced to disk on close ({})", path, e.toString());
                }
            }
            closeChannel();
        }
    }

    private Map<String, Object> line(Deletion deletion, String phase) {
        var line = new LinkedHashMap<String, Object>();
        line.put("time", DateTimeFormatter.ISO_INSTANT.format(clock.instant()));
        line.put("request_id", deletion.requestId());
        line.put("integrated_account_id", deletion.accountId().value());
        line.put("integration", deletion.integration().name());
        line.put("lead_id", deletion.leadId());
        line.put("phase", phase);
        return line;
    }

    /** Writes the line whole, straight to the operating system. */
    private void append(Map<String, Object> line) {
        byte[] bytes = bytes(line);
        synchronized (lock) {
            try {
                FileChannel target = open();
                if (lineCutShort) {
                    writeFully(target, LINE_BREAK);
                    lineCutShort = false;
                }
                lineCutShort = true;
                writeFully(target, bytes);
                lineCutShort = false;
            } catch (IOException e) {
                closeChannel();
                throw new UncheckedIOException("the audit log " + path + " cannot be written", e);
            }
        }
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return channel;
    }

    private void closeChannel() {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("the audit log {} did not close cleanly ({})", path, e.toString());
        }
        channel = null;
    }

    private static void writeFully(FileChannel target, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            target.write(buffer);
        }
    }

    private static byte[] bytes(Map<String, Object> line) {
        try {
            String json = JSON.writeValueAsString(line);
            return (json + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an audit line could not be written as JSON", e);
        }
    }
}
