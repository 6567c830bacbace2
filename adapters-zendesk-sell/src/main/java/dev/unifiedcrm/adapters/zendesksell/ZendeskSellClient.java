package dev.unifiedcrm.adapters.zendesksell;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Sell's Core API v2, the two lead calls this adapter makes.
 *
 * <p>{@code apiRoot} is the account's API root (Feign targets each call at it, keeping its path).
 * {@code encodedId} and the query map are percent-encoded by the caller: Feign must neither decode
 * an encoded {@code /} nor read a {@code {} as a template. Both methods return the raw
 * {@link Response}: the adapter judges every status itself, so Feign's ErrorDecoder never runs.
 */
interface ZendeskSellClient {

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
