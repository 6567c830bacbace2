package dev.unifiedcrm.adapters.nutshell;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Nutshell's REST API (not the older JSON-RPC one), the two lead calls this adapter makes.
 *
 * <p>{@code apiRoot} is the account's API root ({@code https://app.nutshell.com/rest} or its
 * {@code base_url}); Feign targets each call at it, keeping its path. {@code encodedId} is the
 * canonical {@code <n>-leads} id and the query map is percent-encoded by the caller: Feign must
 * neither decode an encoded {@code /} nor read a {@code {} as a template. The headers carry the
 * Basic credentials and {@code Accept: application/json}. Both methods return the raw
 * {@link Response}: the adapter judges every status itself (401 and 404 come as HTML pages).
 */
interface NutshellClient {

    @RequestLine(value = "DELETE /leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    @RequestLine(value = "GET /leads/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String encodedId,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
