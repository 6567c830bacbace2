package dev.unifiedcrm.adapters.pipedrive;

import feign.HeaderMap;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * Pipedrive's API v1 lead calls (lead CRUD exists only in v1; v2 has lead search and conversion only).
 *
 * <p>{@code apiRoot} is the account's API root ({@code https://{company_domain}.pipedrive.com/api/v1}
 * or its {@code base_url}); Feign targets each call at it, keeping its path. The headers carry the
 * credentials: {@code x-api-token} for a personal API token, never the {@code api_token} query
 * parameter (it would put the secret into URLs and logs), or {@code Authorization: Bearer} for an
 * OAuth access token. {@code encodedId} and the query map are percent-encoded by the caller: Feign
 * must neither decode an encoded {@code /} nor read a {@code {} as a template. Both methods return
 * the raw {@link Response}: the adapter judges every answer itself (Pipedrive reports some failures
 * inside a 200), so Feign's ErrorDecoder never runs.
 */
interface PipedriveClient {

    @RequestLine(value = "DELETE /leads/{id}", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String encodedId,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    /** v1 has no field selection for leads: the whole lead, custom fields included, comes back. */
    @RequestLine(value = "GET /leads/{id}", decodeSlash = false)
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String encodedId,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
