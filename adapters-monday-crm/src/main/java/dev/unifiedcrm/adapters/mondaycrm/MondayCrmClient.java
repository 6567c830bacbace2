package dev.unifiedcrm.adapters.mondaycrm;

import feign.HeaderMap;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * monday.com's GraphQL API v2: one endpoint, {@code POST} only, every call a JSON body
 * {@code {"query": "<document>", "variables": {…}}} (see {@link MondayCrmDocuments}).
 *
 * <p>{@code endpoint} is the whole endpoint URL ({@code https://api.monday.com/v2} or the account's
 * {@code base_url}). The headers carry {@code Authorization: <api_token>} (no scheme),
 * {@code API-Version}, {@code Content-Type} and {@code Accept: application/json}. Both methods return
 * the raw {@link Response}: monday reports most failures inside a 200, so the adapter reads every
 * answer itself ({@link MondayCrmAnswerReader}).
 */
interface MondayCrmClient {

    /** The board check or the fetch: an {@code items(ids:)} query. */
    @RequestLine(value = "POST", decodeSlash = false)
    Response query(URI endpoint,
                   @HeaderMap Map<String, Object> headers,
                   byte[] body,
                   Request.Options options);

    /**
     * The {@code delete_item} mutation; the caller's pass-through query parameters, already
     * percent-encoded, go on its URL (monday ignores them).
     */
    @RequestLine(value = "POST", decodeSlash = false)
    Response mutate(URI endpoint,
                    @HeaderMap Map<String, Object> headers,
                    @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                    byte[] body,
                    Request.Options options);
}
