package dev.unifiedcrm.api.http;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar api-http.jar --config FILE | --sandbox [--port N] [--host ADDR]}. Exits at once
 * with 0 (help), 1 (cannot listen) or 2 (wrong usage, bad configuration); otherwise the service
 * runs until SIGTERM.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Launcher.Outcome outcome = Launcher.launch(args, System.out, System.err, System::getenv);
        if (outcome.service().isEmpty()) {
            drainLogs();
            System.out.flush();
            System.err.flush();
            System.exit(outcome.exitCode());
        }
        RunningService service = outcome.service().get();
        // Never System.exit in the hook: the JVM is already exiting (with 143 on SIGTERM).
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.stop();
            drainLogs();
        }, "unified-crm-shutdown"));
    }

    /**
     * Writes every log entry still queued for standard error (the log is written by a thread of its
     * own, see {@code logback.xml}) and stops logging; called last, just before the process ends.
     */
    static void drainLogs() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logback.stop();
        }
    }
}
