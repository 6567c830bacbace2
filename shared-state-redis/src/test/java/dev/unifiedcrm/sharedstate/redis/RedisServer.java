package dev.unifiedcrm.sharedstate.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A real {@code redis-server} for tests: its own process on a free loopback port, persistence off,
 * stopped (and startable again on the same port) by the test. A machine without {@code redis-server}
 * fails the test with how to install it: these tests are never skipped.
 */
public final class RedisServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final Path directory;
    private Process process;

    private RedisServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public static RedisServer start() {
        try {
            RedisServer server = new RedisServer(freePort(), Files.createTempDirectory("redis-test"));
            server.startAgain();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare a redis-server for the test", e);
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port + "/0";
    }

    public void stop() {
        if (process != null) {
            process.destroy();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    public void startAgain() {
        String executable = executable();
        var command = List.of(executable, "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--loglevel", "warning");
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + executable, e);
        }
        long until = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() > until) {
                stop();
                throw new IllegalStateException("redis-server did not start on port " + port + "; see " + directory.resolve("redis.log"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while redis-server started", e);
            }
        }
    }

    /** Sends one command in RESP and returns the raw reply's first line (enough for PING, TTL, EXISTS). */
    public String command(String... words) {
        var request = new StringBuilder("*").append(words.length).append("\r\n");
        for (String word : words) {
            request.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(word).append("\r\n");
        }
        try (var socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            var line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\r') {
                line.append((char) c);
            }
            return line.toString();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server on port " + port + " did not answer " + words[0], e);
        }
    }

    private boolean answersPing() {
        try {
            return command("PING").equals("+PONG");
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/usr/sbin")) {
            File candidate = new File(dir, "redis-server");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        throw new IllegalStateException("redis-server is not installed, and the shared-state tests need a real one:"
                + " install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) and run the build again");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
