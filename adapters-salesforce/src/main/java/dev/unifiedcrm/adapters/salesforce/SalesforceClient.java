package dev.unifiedcrm.adapters.salesforce;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Salesforce's REST API, the two calls this adapter makes on the {@code Lead} sObject.
 *
 * <p>{@code apiRoot} is the account's API root, {@code {instance_url}/services/data/v{api_version}}
 * or its {@code base_url} (Feign targets each call at it, keeping its path). {@code encodedId} and
 * the query map are percent-encoded by the caller: Feign must neither decode an encoded {@code /}
 * nor read a {@code {} as a template. The headers ({@code Authorization: Bearer ...},
 * {@code Accept: application/json}, {@code User-Agent}) come with each call, since the token
 * belongs to the account and may be renewed. Both methods return the raw {@link Response}: every
 * status is judged by the adapter, so Feign's ErrorDecoder never runs.
 */
interface SalesforceClient {

    /** Salesforce answers 204 without a body; the lead goes to the Recycle Bin. */
    @RequestLine(value = "DELETE /sobjects/Lead/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    /**
     * No {@code fields} parameter on purpose: without one Salesforce returns every readable field,
     * custom ones included, and a listed field an org lacks would fail the call.
     */
    @RequestLine(value = "GET /sobjects/Lead/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String encodedId,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
