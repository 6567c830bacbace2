package dev.unifiedcrm.api.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/** A started service and what it started with it (the sandbox's simulators). */
final class RunningService {

    private static final Logger LOG = LoggerFactory.getLogger(RunningService.class);
    static final Duration GRACE = Duration.ofSeconds(10);

    private final HttpService http;
    private final Optional<AutoCloseable> companion;

    RunningService(HttpService http, Optional<AutoCloseable> companion) {
        this.http = http;
        this.companion = companion;
    }

    int port() {
        return http.port();
    }

    /** Stops accepting, lets requests in flight finish (up to 10 s), then stops everything. */
    void stop() {
        LOG.info("stopping: no new connections; requests in flight get up to {} s", GRACE.toSeconds());
        http.stop(GRACE);
        companion.ifPresent(closeable -> {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("the sandbox simulators did not stop cleanly", e);
            }
        });
        LOG.info("stopped");
    }
}
