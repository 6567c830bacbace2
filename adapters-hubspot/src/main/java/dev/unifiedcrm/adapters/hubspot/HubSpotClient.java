package dev.unifiedcrm.adapters.hubspot;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * HubSpot's date-versioned CRM objects API for the Leads object, the two calls this adapter makes.
 *
 * <p>{@code apiRoot} is the account's API root ({@code https://api.hubapi.com} or its
 * {@code base_url}); Feign targets each call at it, keeping its path. {@code apiVersion} is the
 * account's date version ({@code 2026-03}). {@code encodedId} and the query maps
 * are percent-encoded by the caller: Feign must neither decode an encoded {@code /} nor read a
 * {@code {} as a template. Both methods return the raw {@link Response}: the adapter judges every
 * status itself, so Feign's ErrorDecoder never runs.
 */
interface HubSpotClient {

    /** Archives the lead (HubSpot's recycling bin); answers 204 whether or not the lead existed. */
    @RequestLine(value = "DELETE /crm/objects/{apiVersion}/leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "apiVersion", encoded = true) String apiVersion,
                        @Param(value = "id", encoded = true) String encodedId,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    /**
     * Reads the lead with the named properties (HubSpot returns only those) and its associated
     * contacts and companies; a lead in the recycling bin is not found.
     *
     * @param fetchQuery {@link HubSpotProperties#fetchQuery}: a query template would split the
     *                   comma-separated lists into repeated parameters and encode their commas
     */
    @RequestLine(value = "GET /crm/objects/{apiVersion}/leads/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "apiVersion", encoded = true) String apiVersion,
                     @Param(value = "id", encoded = true) String encodedId,
                     @QueryMap(encoded = true) Map<String, Object> fetchQuery,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
