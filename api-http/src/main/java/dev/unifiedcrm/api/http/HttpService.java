package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.ApiErrors;
import dev.unifiedcrm.application.ApiResponse;
import dev.unifiedcrm.application.DeleteLeadCommand;
import dev.unifiedcrm.application.DeleteLeadResult;
import dev.unifiedcrm.application.DeleteLeadUseCase;
import dev.unifiedcrm.application.ResponseBody;
import dev.unifiedcrm.application.UnifiedAnswers;
import dev.unifiedcrm.domain.Integration;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.http.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * The HTTP service: every request goes through {@link #handle}, which checks it in the API's
 * order (path, route, token, query), hands the delete to the {@link DeleteLeadUseCase} and sends
 * its result as {@link UnifiedAnswers} renders it: this class holds no rule of the answers' content.
 *
 * <p>Routing is done here rather than by Javalin's router: the API's order of checks, its
 * 404/405 answers and its treatment of ambiguous paths must not depend on a router's defaults.
 */
final class HttpService {

    private static final Logger LOG = LoggerFactory.getLogger(HttpService.class);
    private static final int MAX_LOGGED_PATH = 200;
    private static final byte[] HEALTH_UP = "{\"status\":\"UP\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    private static final byte[] HEALTH_DOWN = "{\"status\":\"DOWN\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private final DeleteLeadUseCase useCase;
    private final BearerTokens tokens;
    private final byte[] openApiDocument;
    private final ServiceMetrics metrics;
    private final BooleanSupplier healthy;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicReference<Server> jetty = new AtomicReference<>();
    private Javalin app;

    HttpService(DeleteLeadUseCase useCase, BearerTokens tokens, byte[] openApiDocument) {
        this(useCase, tokens, openApiDocument, ServiceMetrics.none());
    }

    /** @param metrics the {@code GET /metrics} body, and the count of lead requests refused before the use case */
    HttpService(DeleteLeadUseCase useCase, BearerTokens tokens, byte[] openApiDocument, ServiceMetrics metrics) {
        this(useCase, tokens, openApiDocument, metrics, () -> true);
    }

    /** @param healthy whether {@code GET /health} answers UP (false while the audit log cannot be written) */
    HttpService(DeleteLeadUseCase useCase, BearerTokens tokens, byte[] openApiDocument, ServiceMetrics metrics,
                BooleanSupplier healthy) {
        this.healthy = Objects.requireNonNull(healthy, "healthy");
        this.useCase = Objects.requireNonNull(useCase, "useCase");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.openApiDocument = openApiDocument.clone();
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    /**
     * Starts listening; returns once requests are accepted.
     *
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    HttpService start(String host, int port) {
        return start(host, port, HttpThreadModel.DEFAULTS);
    }

    /**
     * Starts listening with this pool and connector layout; returns once requests are accepted.
     *
     * @throws io.javalin.util.JavalinBindException when the port is taken
     */
    HttpService start(String host, int port, HttpThreadModel threads) {
        app = Javalin.create(config -> {
            config.jetty.threadPool = threads.threadPool();
            config.jetty.addConnector((server, http) -> threads.connector(server, http, host, port));
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.compressionStrategy = CompressionStrategy.NONE;
            config.http.generateEtags = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorHandler());
                server.setHandler(new ResponseContentType(server.getHandler()));
                jetty.set(server);
            });
            config.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyHttpConfiguration(http -> {
                http.setSendServerVersion(false);
                http.setSendXPoweredBy(false);
                http.addCustomizer(new StatusLineReasons());
            });
            config.routes.before(this::handle);
        });
        app.start(host, port);
        return this;
    }

    int port() {
        return app.port();
    }

    /** The running Jetty server, for tests of its set-up. */
    Server server() {
        return jetty.get();
    }

    /**
     * Stops accepting connections, lets requests in flight finish for up to {@code grace}, then
     * stops the server.
     */
    void stop(Duration grace) {
        Server server = jetty.get();
        if (server != null) {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof NetworkConnector network) {
                    network.close();
                }
            }
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        app.stop();
    }

    private void handle(Context ctx) {
        long started = System.nanoTime();
        inFlight.incrementAndGet();
        String requestId = RequestIds.accept(ctx.header(RequestIds.HEADER));
        String rawPath = ctx.req().getRequestURI();
        var logged = new Logged();
        try {
            ApiResponse response;
            try {
                response = answer(ctx, rawPath, requestId, logged);
            } catch (RuntimeException | Error e) {
                LOG.error("request_id={} unexpected failure while answering {} {}", requestId, ctx.method(),
                        loggablePath(rawPath), e);
                response = ApiErrors.internalError();
            }
            write(ctx, requestId, response, logged);
        } finally {
            ctx.skipRemainingHandlers();
            inFlight.decrementAndGet();
            if (logged.leadRoute && !logged.reachedUseCase) {
                metrics.leadRequestRefusedBeforeTheUseCase(logged.status);
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            LOG.info("{} {} {} {}ms request_id={}{}", ctx.method(), loggablePath(rawPath), logged.status, millis,
                    requestId, logged.integration == null ? "" : " integration=" + logged.integration);
        }
    }

    private ApiResponse answer(Context ctx, String rawPath, String requestId, Logged logged) {
        List<String> segments;
        try {
            segments = RequestPath.segments(rawPath);
        } catch (RequestPath.AmbiguousPathException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        Optional<Route.Match> match = Route.match(segments);
        if (match.isEmpty()) {
            return ApiErrors.error(404, "There is no resource at this path. This API serves DELETE"
                    + " /unified/crm/leads/{id}, GET /health, GET /openapi.json and GET /metrics.");
        }
        Route route = match.get().route();
        String method = ctx.req().getMethod();
        if (!route.method().equals(method)) {
            return ApiErrors.error(405, "The method " + method + " is not allowed on this path; use "
                    + route.method() + ".", Map.of("Allow", route.method()));
        }
        logged.leadRoute = route == Route.DELETE_LEAD;
        if (route.needsToken()) {
            Optional<String> caller = tokens.authenticate(ctx.header("Authorization"));
            if (caller.isEmpty()) {
                return ApiErrors.error(401, "A valid API token is required: send the header"
                        + " 'Authorization: Bearer <token>' with a token from the service's configuration.",
                        Map.of("WWW-Authenticate", "Bearer"));
            }
            if (route == Route.METRICS) {
                return new ApiResponse(200, Map.of(), new ResponseBody.Raw(PrometheusMetrics.CONTENT_TYPE, metrics.scrape()));
            }
            return deleteLead(ctx, match.get().leadId(), caller.get(), requestId, logged);
        }
        return switch (route) {
            case HEALTH -> healthy.getAsBoolean()
                    ? new ApiResponse(200, Map.of(), new ResponseBody.Raw(JsonAnswers.CONTENT_TYPE, HEALTH_UP))
                    : new ApiResponse(503, Map.of(), new ResponseBody.Raw(JsonAnswers.CONTENT_TYPE, HEALTH_DOWN));
            case OPENAPI -> new ApiResponse(200, Map.of(), new ResponseBody.Raw(JsonAnswers.CONTENT_TYPE, openApiDocument));
            default -> throw new IllegalStateException("route " + route + " has no handler");
        };
    }

    private ApiResponse deleteLead(Context ctx, String leadId, String caller, String requestId, Logged logged) {
        LeadQuery query;
        try {
            query = LeadQuery.parse(ctx.queryString());
        } catch (LeadQuery.InvalidQueryException e) {
            return ApiErrors.badRequest(e.getMessage());
        }
        logged.reachedUseCase = true;
        var command = new DeleteLeadCommand(query.accountId(), leadId, query.format(), query.ignoreRemoteData(),
                query.excludedFields(), query.remoteQuery(), query.returnDeletedLead(),
                Optional.ofNullable(ctx.header("Idempotency-Key")), caller, requestId);
        DeleteLeadResult result = Objects.requireNonNull(useCase.deleteLead(command), "the use case answered null");
        logged.integration = result.integration().map(Integration::name).orElse(null);
        return UnifiedAnswers.render(command, result);
    }

    private static void write(Context ctx, String requestId, ApiResponse response, Logged logged) {
        byte[] bytes;
        String contentType;
        ApiResponse answer = response;
        try {
            if (answer.body() instanceof ResponseBody.Json json) {
                bytes = JsonAnswers.bytes(json.tree());
                contentType = JsonAnswers.CONTENT_TYPE;
            } else {
                var raw = (ResponseBody.Raw) answer.body();
                bytes = raw.bytes();
                contentType = raw.contentType();
            }
        } catch (RuntimeException e) {
            LOG.error("request_id={} the answer could not be written", requestId, e);
            answer = ApiErrors.internalError();
            bytes = JsonAnswers.bytes(((ResponseBody.Json) answer.body()).tree());
            contentType = JsonAnswers.CONTENT_TYPE;
        }
        logged.status = answer.status();
        ctx.status(answer.status());
        var headers = new LinkedHashMap<>(answer.headers());
        headers.remove("content-type");
        headers.remove(RequestIds.HEADER);
        headers.forEach(ctx::header);
        ctx.header(RequestIds.HEADER, requestId);
        ResponseContentType.set(ctx, contentType);
        send(ctx, requestId, bytes);
    }

    /**
     * Writes the answer straight to the servlet's stream with its length, rather than through
     * {@code ctx.result}: Javalin copies a result through a new buffer of the server's output size
     * (32 KiB) for every answer, the largest allocation of a request. With the length known, Jetty
     * sends head and body together as soon as the last byte is written.
     */
    private static void send(Context ctx, String requestId, byte[] bytes) {
        ctx.res().setContentLength(bytes.length);
        if (bytes.length == 0) {
            return;
        }
        try {
            ctx.res().getOutputStream().write(bytes);
        } catch (IOException e) {
            // The caller closed the connection: there is no one left to answer.
            LOG.debug("request_id={} the answer could not be sent ({})", requestId, e.toString());
        }
    }

    /** The path for a log line: never the query, bounded in length. */
    static String loggablePath(String rawPath) {
        if (rawPath == null) {
            return "?";
        }
        return rawPath.length() <= MAX_LOGGED_PATH ? rawPath : rawPath.substring(0, MAX_LOGGED_PATH) + "...";
    }

    private static final class Logged {
        int status = 500;
        String integration;
        boolean leadRoute;
        boolean reachedUseCase;
    }
}
