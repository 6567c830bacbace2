package dev.unifiedcrm.sandbox;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Javalin (Jetty 12) server on a free loopback port that hands every request to one simulator. Routing is
 * the simulator's own: real CRMs answer unknown paths and methods in their own error format, not Javalin's.
 */
final class SimulatorServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorServer.class);
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD, HandlerType.OPTIONS);

    private final Javalin app;
    private final String name;
    private final String host;

    private SimulatorServer(Javalin app, String name, String host) {
        this.app = app;
        this.name = name;
        this.host = host;
    }

    static SimulatorServer start(String host, String name, ProviderSimulator simulator) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            // A demo serves one user: a small pool, instead of Jetty's default of up to 200 threads per server.
            QueuedThreadPool threads = new QueuedThreadPool(16, 2);
            threads.setName("sandbox-" + name);
            config.jetty.threadPool = threads;
            // Jetty answers some bad requests itself (ambiguous URIs, 414, 431): keep them in the provider's format.
            config.jetty.modifyServer(server -> server.setErrorHandler(new ProviderErrorHandler(simulator)));
            for (HandlerType method : METHODS) {
                config.routes.addHttpHandler(method, "/*", ctx -> write(ctx, simulator.handle(requestOf(ctx))));
            }
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} simulator failed on {} {}", name, ctx.method(), ctx.path(), e);
                write(ctx, simulator.failure(500));
            });
        });
        app.start(host, 0);
        return new SimulatorServer(app, name, host);
    }

    int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT} followed by {@code rootPath}, with an IPv6 host in brackets. */
    URI uri(String rootPath) {
        String authority = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return URI.create("http://" + authority + ":" + port() + rootPath);
    }

    @Override
    public void close() {
        app.stop();
    }

    private static IncomingRequest requestOf(Context ctx) {
        return new IncomingRequest(ctx.method().name(), ctx.req().getRequestURI(), ctx::header);
    }

    private static void write(Context ctx, Reply reply) {
        ctx.status(reply.status());
        reply.headers().forEach(ctx::header);
        if (reply.hasBody()) {
            ctx.contentType(Reply.JSON_CONTENT_TYPE).result(reply.body());
        } else {
            ctx.result(new byte[0]);
        }
        LOG.debug("{} {} -> {}", ctx.method(), ctx.path(), reply.status());
    }

    private static final class ProviderErrorHandler extends ErrorHandler {
        private final ProviderSimulator simulator;

        ProviderErrorHandler(ProviderSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            int status = request.getAttribute(ERROR_STATUS) instanceof Integer code ? code : response.getStatus();
            Reply reply = simulator.failure(status);
            response.setStatus(reply.status());
            reply.headers().forEach((header, value) -> response.getHeaders().put(header, value));
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, Reply.JSON_CONTENT_TYPE);
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
            return true;
        }
    }
}
