package dev.unifiedcrm.api.http;

import io.javalin.http.Context;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Sends a {@code Content-Type} exactly as given, or none at all. The servlet layer re-renders the
 * header ({@code application/json; charset=utf-8} becomes {@code application/json;charset=utf-8})
 * while raw answers must pass the provider's header on unchanged; so the exact value travels in an
 * internal header that a handler in front of the servlet layer swaps in as the answer is committed.
 */
final class ResponseContentType extends Handler.Wrapper {

    private static final String INTERNAL_HEADER = "x-unified-crm-exact-content-type";

    ResponseContentType(Handler handler) {
        super(handler);
    }

    /** @param contentType the exact header value, or {@code null} for no {@code Content-Type} */
    static void set(Context ctx, String contentType) {
        ctx.res().setContentType(null);
        ctx.header(INTERNAL_HEADER, contentType == null ? "" : contentType);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(request, new Exact(request, response), callback);
    }

    private static final class Exact extends Response.Wrapper {
        private boolean fixed;

        Exact(Request request, Response wrapped) {
            super(request, wrapped);
        }

        @Override
        public void write(boolean last, ByteBuffer content, Callback callback) {
            if (!fixed) {
                fixed = true;
                fix(getWrapped().getHeaders());
            }
            super.write(last, content, callback);
        }

        private static void fix(HttpFields.Mutable headers) {
            String exact = headers.get(INTERNAL_HEADER);
            if (exact == null) {
                return;
            }
            headers.remove(INTERNAL_HEADER);
            headers.remove(HttpHeader.CONTENT_TYPE);
            if (!exact.isEmpty()) {
                headers.put(new HttpField(HttpHeader.CONTENT_TYPE, exact));
            }
        }
    }
}
