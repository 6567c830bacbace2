package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.AccountDirectory;
import dev.unifiedcrm.application.AuditTrail;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.DeleteLeadService;
import dev.unifiedcrm.application.UnifiedCrmVersion;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.CredentialStore;
import dev.unifiedcrm.resilience.Bucket4jCallPacer;
import dev.unifiedcrm.resilience.ReliableDeleteLeadService;
import dev.unifiedcrm.sharedstate.redis.RedisSharedState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The composition root: reads the command line and the configuration, finds the adapters through
 * {@link CrmAdapters#onClassPath()} (Java's {@code ServiceLoader}), wires the use case and starts the HTTP service.
 */
final class Launcher {

    private static final Logger LOG = LoggerFactory.getLogger(Launcher.class);
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_LISTEN = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_BAD_CONFIGURATION = 2;
    static final int EXIT_CANNOT_WRITE_CONFIGURATION = 2;
    static final int EXIT_BAD_SETTING = 2;

    private Launcher() {
    }

    /** How a launch ended: an exit status, or a running service. */
    record Outcome(int exitCode, Optional<RunningService> service) {
        static Outcome exit(int code) {
            return new Outcome(code, Optional.empty());
        }
    }

    @Command(name = "api-http",
            usageHelpAutoWidth = false,
            description = "Deletes leads in Insightly, Pipeliner, Zendesk Sell, Nutshell, monday CRM, Zoho CRM, HubSpot, Pipedrive,"
                    + " Salesforce and Dynamics 365 Sales through one HTTP API:"
                    + " DELETE /unified/crm/leads/{id}?integrated_account_id=...",
            footer = {"", "Examples:",
                    "  java -jar api-http/target/api-http.jar --sandbox",
                    "  java -jar api-http/target/api-http.jar --sandbox --write-config sandbox-config.json",
                    "  java -jar api-http/target/api-http.jar --config unified-crm.json --port 8080"})
    static final class Options {

        static final class Mode {
            @Option(names = "--config", paramLabel = "FILE", required = true,
                    description = "the JSON configuration file (API tokens, timeouts, integrated accounts)")
            Path config;

            @Option(names = "--sandbox", required = true,
                    description = "start built-in simulators of the three CRMs, demo accounts and a fresh token")
            boolean sandbox;
        }

        @ArgGroup(exclusive = true, multiplicity = "1")
        Mode mode;

        @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
                description = "the port to listen on (default: ${DEFAULT-VALUE}; 0: a free port)")
        String port;

        @Option(names = "--write-config", paramLabel = "FILE",
                description = "with --sandbox: also write a configuration file that points at the simulators")
        Path writeConfig;

        @Option(names = "--host", paramLabel = "ADDR", defaultValue = "127.0.0.1",
                description = "the address to listen on (default: ${DEFAULT-VALUE})")
        String host;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
        boolean help;
    }

    static Outcome launch(String[] args, PrintStream out, PrintStream err, Function<String, String> environment) {
        return launch(args, out, err, environment, System::getProperty);
    }

    /** @param systemProperties the {@code unifiedcrm.http.*} thread model settings by name (null: not set) */
    static Outcome launch(String[] args, PrintStream out, PrintStream err, Function<String, String> environment,
                          Function<String, String> systemProperties) {
        var options = new Options();
        var commandLine = new CommandLine(options);
        int port;
        try {
            commandLine.parseArgs(args);
            if (commandLine.isUsageHelpRequested()) {
                commandLine.usage(out);
                out.flush();
                return Outcome.exit(EXIT_OK);
            }
            if (!PORT.matcher(options.port).matches() || Integer.parseInt(options.port) > 65_535) {
                throw new CommandLine.ParameterException(commandLine,
                        "Invalid value for option '--port': '" + options.port + "' is not a port number (0 to 65535)");
            }
            port = Integer.parseInt(options.port);
            if (options.host.isBlank()) {
                throw new CommandLine.ParameterException(commandLine, "Invalid value for option '--host': empty");
            }
            if (options.writeConfig != null && !options.mode.sandbox) {
                throw new CommandLine.ParameterException(commandLine,
                        "Option '--write-config' needs '--sandbox': it writes the sandbox's configuration");
            }
        } catch (CommandLine.ParameterException e) {
            err.println(e.getMessage());
            commandLine.usage(err);
            err.flush();
            return Outcome.exit(EXIT_USAGE);
        }

        HttpThreadModel threads;
        try {
            threads = HttpThreadModel.from(systemProperties);
        } catch (HttpThreadModel.InvalidSettingException e) {
            err.println(e.getMessage());
            err.flush();
            return Outcome.exit(EXIT_BAD_SETTING);
        }

        CrmAdapters.Providers providers = CrmAdapters.onClassPath();
        ServiceConfiguration configuration;
        Optional<AutoCloseable> companion = Optional.empty();
        SandboxMode sandbox = null;
        if (options.mode.sandbox) {
            sandbox = SandboxMode.start();
            configuration = sandbox.configuration();
            companion = Optional.of(sandbox);
            if (options.writeConfig != null) {
                try {
                    sandbox.writeConfiguration(options.writeConfig);
                } catch (IOException e) {
                    sandbox.close();
                    err.println("cannot write the configuration file " + options.writeConfig + ": " + e);
                    err.flush();
                    return Outcome.exit(EXIT_CANNOT_WRITE_CONFIGURATION);
                }
            }
        } else {
            try {
                configuration = ConfigurationFile.read(options.mode.config, providers, environment);
            } catch (InvalidConfigurationException e) {
                err.println(e.getMessage());
                err.flush();
                return Outcome.exit(EXIT_BAD_CONFIGURATION);
            }
        }

        var directory = AccountDirectory.of(configuration.accounts());
        CredentialStore credentialStore;
        try {
            credentialStore = configuration.credentialStore().isPresent()
                    ? FileCredentialStore.open(Path.of(configuration.credentialStore().get()))
                    : CredentialStore.NONE;
        } catch (InvalidConfigurationException e) {
            companion.ifPresent(Launcher::closeQuietly);
            err.println("invalid configuration file " + options.mode.config + ": " + e.getMessage());
            err.flush();
            return Outcome.exit(EXIT_BAD_CONFIGURATION);
        }
        warnAboutRotationWithoutStore(configuration, providers, credentialStore);
        var metrics = new PrometheusMetrics(providers.integrations());
        var settings = new AdapterSettings(configuration.timeouts().connect(), UnifiedCrmVersion.userAgent(),
                AdapterSettings.ONE_MIB, Clock.systemUTC(), credentialStore, metrics);
        var adapters = providers.build(settings);
        Optional<AuditLogFile> audit;
        try {
            audit = openAuditLog(configuration.auditLog());
        } catch (InvalidConfigurationException e) {
            companion.ifPresent(Launcher::closeQuietly);
            err.println("invalid configuration file " + options.mode.config + ": " + e.getMessage());
            err.flush();
            return Outcome.exit(EXIT_BAD_CONFIGURATION);
        }
        companion = closingAlso(companion, audit);
        DeleteLeadService.Builder builder = ReliableDeleteLeadService.builder(directory, adapters)
                .timeouts(configuration.timeouts())
                .clock(Clock.systemUTC())
                .listener(metrics)
                .auditTrail(audit.isPresent() ? audit.get() : AuditTrail.none());
        if (configuration.sharedState().isPresent()) {
            var shared = configuration.sharedState().get();
            var redis = RedisSharedState.open(shared.redis(), shared.keyPrefix(), metrics);
            metrics.countSharedStateFailures();
            builder.idempotencyStore(redis.idempotencyStore()).pacer(redis.callPacer(new Bucket4jCallPacer()));
            companion = closingAlso(companion, redis);
            LOG.info("shared state: Idempotency-Key answers and rate budgets in Redis at {} under the prefix '{}'",
                    shared.redis(), shared.keyPrefix());
        }
        DeleteLeadService useCase = builder.build();
        var http = new HttpService(useCase, new BearerTokens(configuration.apiTokens()),
                OpenApiDocument.bytes(), metrics, audit.isPresent() ? audit.get()::writable : () -> true);
        try {
            http.start(options.host, port, threads);
        } catch (RuntimeException e) {
            companion.ifPresent(Launcher::closeQuietly);
            err.println(cannotListen(options.host, port, threads, e));
            err.flush();
            return Outcome.exit(EXIT_CANNOT_LISTEN);
        }
        String address = "http://" + hostForUrl(options.host) + ":" + http.port();
        LOG.info("unified-crm {} started: {} account(s), integrations {}, listening on {}",
                UnifiedCrmVersion.version(), configuration.accounts().size(), adapters.integrations(), address);
        if (!threads.isDefault()) {
            LOG.info("HTTP thread model from system properties: {}", threads.describe());
        }
        if (sandbox != null) {
            out.print(sandbox.banner(address, Optional.ofNullable(options.writeConfig)));
        }
        out.println("listening on " + address);
        out.flush();
        return new Outcome(EXIT_OK, Optional.of(new RunningService(http, companion)));
    }

    /** A rotating provider's refresh token lives only in memory without a store: a restart then needs a fresh one. */
    private static void warnAboutRotationWithoutStore(ServiceConfiguration configuration, CrmAdapters.Providers providers,
                                                      CredentialStore store) {
        if (store.persistent()) {
            return;
        }
        for (var account : configuration.accounts()) {
            var provider = providers.named(account.integration().name()).orElseThrow();
            boolean refreshes = CredentialSet.pick(provider.credentialSets(), account.credentials())
                    .map(set -> set.grant() == CredentialSet.Grant.REFRESH_TOKEN).orElse(false);
            if (refreshes && provider.rotatesRefreshTokens()) {
                LOG.warn("integrated account {} ({}) uses a refresh token that {} rotates, and no credential_store is"
                        + " set: the rotated token lives only in memory, so a restart will need a new refresh token",
                        account.id(), account.integration(), account.integration());
            }
        }
    }

    /** Opens the audit log now, so that a path that cannot be written stops the start rather than every delete. */
    private static Optional<AuditLogFile> openAuditLog(Optional<String> file) throws InvalidConfigurationException {
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Path path = Path.of(file.get());
        try {
            return Optional.of(new AuditLogFile(path, Clock.systemUTC()));
        } catch (IOException e) {
            throw new InvalidConfigurationException("field audit_log: the audit log " + path
                    + " cannot be opened for appending (" + whyNot(e) + "); its folder must exist and be writable");
        }
    }

    private static String whyNot(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such folder";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException failure && failure.getReason() != null) {
            return failure.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The audit log is closed with the service, after the sandbox's simulators. */
    private static Optional<AutoCloseable> closingAlso(Optional<AutoCloseable> companion, Optional<AuditLogFile> audit) {
        return audit.isEmpty() ? companion : closingAlso(companion, (AutoCloseable) audit.get());
    }

    /** {@code last} is closed with the service, after what was to be closed before. */
    private static Optional<AutoCloseable> closingAlso(Optional<AutoCloseable> companion, AutoCloseable last) {
        return Optional.of(() -> {
            try {
                if (companion.isPresent()) {
                    companion.get().close();
                }
            } finally {
                last.close();
            }
        });
    }

    static String hostForUrl(String host) {
        return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    private static String cannotListen(String host, int port, HttpThreadModel threads, RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && String.valueOf(cause.getMessage()).startsWith("Insufficient configured threads")) {
                return "cannot listen on " + hostForUrl(host) + ":" + port + ": " + HttpThreadModel.MAX_THREADS + " ("
                        + threads.maxThreads() + ") leaves no thread for requests once the acceptors and selectors have"
                        + " theirs (" + cause.getMessage() + "); raise it, or lower " + HttpThreadModel.ACCEPTORS
                        + " and " + HttpThreadModel.SELECTORS;
            }
            if (cause instanceof BindException) {
                return "cannot listen on " + hostForUrl(host) + ":" + port
                        + ": the address is already in use or not available on this machine;"
                        + " choose another port with --port N, or --port 0 for a free one";
            }
        }
        return "cannot listen on " + hostForUrl(host) + ":" + port + ": the server could not start";
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("could not stop the sandbox cleanly", e);
        }
    }
}
