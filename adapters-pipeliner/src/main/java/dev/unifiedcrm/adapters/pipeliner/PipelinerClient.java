package dev.unifiedcrm.adapters.pipeliner;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Pipeliner's REST API v100, the two lead calls this adapter makes.
 *
 * <p>{@code apiRoot} is the account's API root ({@code {service_url}/api/v100/rest/spaces/{space_id}}
 * or its {@code base_url}): Feign targets each call at it. The id comes already percent-encoded as
 * one path segment ({@code encoded = true}, {@code decodeSlash = false}), and so do the pass-through
 * query names and values, so that neither Feign's template syntax ({@code {...}}) nor its
 * decoding of {@code %2F} can change what reaches Pipeliner. Both return {@link Response}: the
 * adapter reads status and body itself, with a size bound, so Feign's ErrorDecoder never runs.
 */
interface PipelinerClient {

    @RequestLine(value = "DELETE /entities/Leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        @HeaderMap Map<String, Object> headers,
                        Request.Options options);

    @RequestLine(value = "GET /entities/Leads/{id}", decodeSlash = false)
    Response fetchLead(URI apiRoot,
                       @Param(value = "id", encoded = true) String encodedId,
                       @HeaderMap Map<String, Object> headers,
                       Request.Options options);
}
