package dev.unifiedcrm.api.http;

import dev.unifiedcrm.application.ApiErrors;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.MetaData;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpStream;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Gives the HTTP/1.1 status line the same reason phrase as the error body's {@code error} field.
 * Jetty writes its own table ({@code 422 Unprocessable Entity}, {@code 500 Server Error}); a client
 * reading {@code 422 Unprocessable Content} in the body should not see another phrase one line above.
 */
final class StatusLineReasons implements HttpConfiguration.Customizer {

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        request.addHttpStreamWrapper(Rephrased::new);
        return request;
    }

    private static final class Rephrased extends HttpStream.Wrapper {
        Rephrased(HttpStream wrapped) {
            super(wrapped);
        }

        @Override
        public void send(MetaData.Request request, MetaData.Response response, boolean last, ByteBuffer content,
                         Callback callback) {
            super.send(request, response == null ? null : rephrased(response), last, content, callback);
        }

        private static MetaData.Response rephrased(MetaData.Response response) {
            return new MetaData.Response(response.getStatus(), ApiErrors.reasonPhrase(response.getStatus()),
                    response.getHttpVersion(), response.getHttpFields(), response.getContentLength(),
                    response.getTrailersSupplier());
        }
    }
}
