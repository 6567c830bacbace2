package dev.unifiedcrm.api.http;

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
            System.out.flush();
            System.err.flush();
            System.exit(outcome.exitCode());
        }
        RunningService service = outcome.service().get();
        // Never System.exit in the hook: the JVM is already exiting (with 143 on SIGTERM).
        Runtime.getRuntime().addShutdownHook(new Thread(service::stop, "unified-crm-shutdown"));
    }
}
