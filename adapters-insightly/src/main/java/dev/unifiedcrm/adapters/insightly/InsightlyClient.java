package dev.unifiedcrm.adapters.insightly;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Insightly API v3.1, the two calls the adapter makes. The {@code URI} argument is the account's
 * API root (Feign's per-call target). Ids and query parameters arrive already percent-encoded
 * ({@code encoded = true}) because Feign would otherwise read {@code {...}} in them as template
 * expressions and leave values that merely look encoded unencoded; {@code decodeSlash = false}
 * keeps an encoded {@code /} encoded. Answers come back as {@link Response}: the adapter judges
 * statuses and reads bodies itself, with a size bound.
 */
interface InsightlyClient {

    @RequestLine(value = "DELETE /Leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        @HeaderMap Map<String, Object> headers,
                        Request.Options options);

    @RequestLine(value = "GET /Leads/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String encodedId,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
