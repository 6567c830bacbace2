package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Objects;

/**
 * The audit trail as a file of JSON lines (the README, section Audit trail; {@code audit_log}):
 * <pre>
 * {"time":"...","request_id":"...","integrated_account_id":"...","integration":"...","lead_id":"...","phase":"started"}
 * {"time":"...", ... ,"phase":"finished","outcome":"deleted","provider_status":202,"duration_ms":41}
 * </pre>
 *
 * <p>The file is opened when this object is made (in append mode only, never truncated, created
 * when missing; its folder must exist), so a path that cannot be written stops the start rather
 * than every delete. If the file ends in a line cut short (a crash or a full disk in the middle of
 * a write), the next line starts on a fresh line and one WARN names the file; nothing already in
 * the file is rewritten.
 *
 * <p>Each line is written whole under a lock, so lines of concurrent requests never mix. A
 * {@link #started} line survives a power loss: it returns only once the line is forced to the
 * storage device. Forces are shared (group commit): one force covers every line written before it
 * began, so while one force runs, the started lines of other deletes queue behind it and the next
 * force covers them all; concurrent deletes pay for about one force per round, not one each. A
 * {@link #finished} line is handed to the operating system and reaches the device with the next
 * force (or when the file is closed): losing it leaves a started line without its end, which
 * says what a reader must assume anyway, that the delete may have happened.
 *
 * <p>When a line cannot be written or forced, the method throws (the request is answered 500, and
 * before a provider call none is made), {@link #writable()} turns false, and the next line opens
 * the file again; the first line written whole turns it true again. A line cut short by a failed
 * write is closed with a line break before the next one, so every later line still parses.
 *
 * <p>Nothing in a line comes from an account's credentials: an {@link AuditTrail.Deletion} holds
 * none. One file per process: several replicas must not share one file.
 */
final class AuditLogFile implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLogFile.class);
    private static final byte[] LINE_BREAK = {'\n'};

    /** How the file's content is forced to the storage device; tests count and hold forces here. */
    @FunctionalInterface
    interface Force {
        Force TO_DEVICE = channel -> channel.force(false);

        void force(FileChannel channel) throws IOException;
    }

    private final Path path;
    private final Clock clock;
    private final Force force;
    private final Object writeLock = new Object();
    /** Guarded by {@link #writeLock}; null after a failure until the next line opens the file again. */
    private FileChannel channel;
    /** Guarded by {@link #writeLock}: a failed write may have left part of a line. */
    private boolean lineCutShort;
    /** Guarded by {@link #writeLock}: lines written whole so far, numbering them. */
    private long linesWritten;

    private final Object forceLock = new Object();
    /** Guarded by {@link #forceLock}: every line up to this number is on the storage device. */
    private long linesForced;
    /** Guarded by {@link #forceLock}: a force is running; others wait for it rather than start their own. */
    private boolean forcing;

    private volatile boolean writable = true;

    /**
     * Opens {@code path} for appending, continuing on a fresh line if it ends in one cut short.
     *
     * @throws IOException when the file cannot be opened or its end cannot be read
     */
    AuditLogFile(Path path, Clock clock) throws IOException {
        this(path, clock, Force.TO_DEVICE);
    }

    AuditLogFile(Path path, Clock clock, Force force) throws IOException {
        this.path = Objects.requireNonNull(path, "path");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.force = Objects.requireNonNull(force, "force");
        synchronized (writeLock) {
            open();
            if (endsInLineCutShort(channel)) {
                LOG.warn("the audit log {} ends in a line cut short (a crash or a full disk during a write):"
                        + " it continues on a fresh line", path);
                writeFully(channel, LINE_BREAK);
            }
        }
    }

    Path path() {
        return path;
    }

    /** False from a line that could not be written or forced until one is written whole again. */
    boolean writable() {
        return writable;
    }

    @Override
    public void started(Deletion deletion) {
        forceThrough(append(AuditLine.started(clock.instant(), deletion)));
    }

    @Override
    public void finished(Deletion deletion, Result result) {
        append(AuditLine.finished(clock.instant(), deletion, result));
    }

    @Override
    public void close() {
        synchronized (writeLock) {
            if (channel != null && channel.isOpen()) {
                try {
                    force.force(channel);
                } catch (IOException e) {
                    LOG.warn("the audit log {} could not be forced to disk on close ({})", path, e.toString());
                }
            }
            closeChannel();
        }
    }

    /** Writes the line whole, straight to the operating system; returns its number. */
    private long append(byte[] bytes) {
        synchronized (writeLock) {
            try {
                FileChannel target = open();
                if (lineCutShort) {
                    writeFully(target, LINE_BREAK);
                    lineCutShort = false;
                }
                lineCutShort = true;
                writeFully(target, bytes);
                lineCutShort = false;
                writable = true;
                return ++linesWritten;
            } catch (IOException e) {
                closeChannel();
                throw failed("written", e);
            }
        }
    }

    /**
     * Returns once line {@code number} is on the storage device. Whoever finds no force running
     * starts one for every line written so far; the others wait for it, and if it began before
     * their line was written, the next one of them forces again for all who still wait.
     */
    private void forceThrough(long number) {
        while (true) {
            synchronized (forceLock) {
                while (forcing && linesForced < number) {
                    try {
                        forceLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw failed("forced to disk", new InterruptedIOException("interrupted while waiting for a force"));
                    }
                }
                if (linesForced >= number) {
                    return;
                }
                forcing = true;
            }
            long covered = 0;
            try {
                FileChannel target;
                synchronized (writeLock) {
                    covered = linesWritten;
                    target = open();
                }
                force.force(target);
            } catch (IOException e) {
                covered = 0;
                throw failed("forced to disk", e);
            } finally {
                synchronized (forceLock) {
                    forcing = false;
                    linesForced = Math.max(linesForced, covered);
                    forceLock.notifyAll();
                }
            }
        }
    }

    private UncheckedIOException failed(String what, IOException e) {
        writable = false;
        return new UncheckedIOException("the audit log " + path + " cannot be " + what, e);
    }

    private FileChannel open() throws IOException {
        if (channel == null || !channel.isOpen()) {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        }
        return channel;
    }

    private boolean endsInLineCutShort(FileChannel appending) throws IOException {
        long size = appending.size();
        if (size == 0) {
            return false;
        }
        try (FileChannel reading = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            return reading.read(last, size - 1) == 1 && last.get(0) != '\n';
        }
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
}
