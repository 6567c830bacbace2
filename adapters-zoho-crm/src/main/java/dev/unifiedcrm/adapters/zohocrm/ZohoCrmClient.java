package dev.unifiedcrm.adapters.zohocrm;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Zoho CRM's REST API v8, the two lead calls this adapter makes (never the bulk
 * {@code DELETE /Leads?ids=…}).
 *
 * <p>{@code apiRoot} is the account's API root ({@code https://www.zohoapis.<dc>/crm/v8} or its
 * {@code base_url}); Feign targets each call at it, keeping its path. {@code encodedId} and the query
 * map are percent-encoded by the caller: Feign must neither decode an encoded {@code /} nor read a
 * {@code {} as a template. The headers carry {@code Authorization: Zoho-oauthtoken <access token>}
 * (never {@code Bearer}) and {@code Accept: application/json}. Both methods return the raw
 * {@link Response}: Zoho reports failures inside 2xx bodies, so the adapter reads every answer
 * itself ({@link ZohoCrmAnswerReader}).
 */
interface ZohoCrmClient {

    @RequestLine(value = "DELETE /Leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    @RequestLine(value = "GET /Leads/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String encodedId,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
