package dev.unifiedcrm.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Javalin (Jetty 12) server on a free loopback port that mounts each simulator under its own path prefix
 * (one server rather than three: a third of the threads and of Jetty's start-up log lines). Routing below a
 * prefix is the simulator's own: real CRMs answer unknown paths and methods in their own error format.
 */
final class SimulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Javalin app;
    private final String host;

    private SimulatorServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts the server on a free port of {@code host}.
     *
     * @param mounts simulators by path prefix ("/insightly"), each prefix one segment without a trailing slash
     */
    static SimulatorServer start(String host, Map<String, ProviderSimulator> mounts) {
        Mounts routes = new Mounts(mounts);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // A demo serves one user: a small pool instead of Jetty's default of up to 200 threads.
            QueuedThreadPool threads = new QueuedThreadPool(24, 2);
            threads.setName("sandbox");
            config.jetty.threadPool = threads;
            // Jetty answers some bad requests itself (ambiguous URIs, 414, 431): keep them in the provider's format.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProviderErrorHandler(routes)));
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/*", ctx -> write(ctx, routes.handle(requestOf(ctx))));
            }
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("sandbox simulator failed on {} {}", ctx.method(), ctx.path(), e);
                write(ctx, routes.failure(500, ctx.req().getRequestURI()));
            });
        });
        app.start(host, 0);
        return new SimulatorServer(app, host);
    }

    /** {@code http://HOST:PORT} followed by {@code path}, with an IPv6 host in brackets. */
    URI uri(String path) {
        String authority = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + app.port() + path);
    }

    @Override
    public void close() {
        app.stop();
    }

    private static IncomingRequest requestOf(Context ctx) {
        return new IncomingRequest(ctx.method().name(), ctx.req().getRequestURI(), ctx::header,
                ctx.req().getQueryString(), ctx.bodyAsBytes());
    }

    private static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase(Reply.CONTENT_TYPE)) {
                ctx.header(name, value);
            }
        });
        if (reply.hasBody()) {
            ctx.contentType(reply.contentType()).result(reply.body());
        } else {
            ctx.result(new byte[0]);
            // A body-less answer has no Content-Type at the real providers (Sell's 204): drop Javalin's default.
            ctx.res().setContentType(null);
        }
        LOG.debug("{} {} -> {}", ctx.method(), ctx.path(), reply.status());
    }

    /** Picks the simulator whose prefix starts the path, and hands it the rest of the path. */
    private static final class Mounts {
        private final Map<String, ProviderSimulator> byPrefix;

        Mounts(Map<String, ProviderSimulator> byPrefix) {
            this.byPrefix = new LinkedHashMap<>(byPrefix);
        }

        Reply handle(IncomingRequest request) {
            for (Map.Entry<String, ProviderSimulator> mount : byPrefix.entrySet()) {
                String rest = below(mount.getKey(), request.rawPath());
                if (rest != null) {
                    return mount.getValue().handle(request.withPath(rest));
                }
            }
            return noSimulator(404);
        }

        Reply failure(int status, String rawPath) {
            for (Map.Entry<String, ProviderSimulator> mount : byPrefix.entrySet()) {
                if (rawPath != null && below(mount.getKey(), rawPath) != null) {
                    return mount.getValue().failure(status);
                }
            }
            return noSimulator(status);
        }

        private Reply noSimulator(int status) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("message", "No simulator at this path; the sandbox serves " + byPrefix.keySet() + ".");
            return Reply.json(status, body);
        }

        private static String below(String prefix, String rawPath) {
            if (rawPath.equals(prefix)) {
                return "";
            }
            return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length()) : null;
        }
    }

    private static final class ProviderErrorHandler extends ErrorHandler {
        private final Mounts routes;

        ProviderErrorHandler(Mounts routes) {
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            Reply reply = routes.failure(status, request.getHttpURI() == null ? null : request.getHttpURI().getPath());
            response.setStatus(reply.status());
            reply.headers().forEach((header, value) -> response.getHeaders().put(header, value));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }
}
