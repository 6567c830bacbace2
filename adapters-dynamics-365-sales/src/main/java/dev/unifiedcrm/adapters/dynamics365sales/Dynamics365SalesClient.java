package dev.unifiedcrm.adapters.dynamics365sales;

import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.Request;
import feign.RequestLine;
import feign.Response;

import java.net.URI;
import java.util.Map;

/**
 * The Dataverse Web API v9.2, the two calls this adapter makes on the {@code lead} table.
 *
 * <p>{@code apiRoot} is the account's API root, {@code {org_url}/api/data/v9.2} or its
 * {@code base_url} (Feign targets each call at it, keeping its path). The key goes between
 * parentheses, unquoted: {@code leads(3f9c2a17-8b4e-4d21-9a6c-5e7f0b1d2c34)}; the caller passes
 * the lower-case GUID, already a safe path segment, and the query map percent-encoded. The OData
 * headers are fixed here; {@code Authorization: Bearer ...} and {@code User-Agent} come with each
 * call, since the token belongs to the account and may be renewed. Never {@code If-Match} on the
 * delete (it would make it conditional), nor impersonation headers. Both methods return the raw
 * {@link Response}: every status is judged by the adapter, so Feign's ErrorDecoder never runs.
 */
@Headers({"Accept: application/json", "OData-MaxVersion: 4.0", "OData-Version: 4.0"})
interface Dynamics365SalesClient {

    /** Dataverse answers 204 without a body. */
    @RequestLine(value = "DELETE /leads({id})", decodeSlash = false)
    Response deleteLead(URI apiRoot,
                        @Param(value = "id", encoded = true) String lowerCaseGuid,
                        @HeaderMap Map<String, Object> headers,
                        @QueryMap(encoded = true) Map<String, Object> encodedQuery,
                        Request.Options options);

    /**
     * No {@code $select}: every column comes back, custom ones included. {@code Prefer} asks for
     * choice labels (for {@code status} and {@code lead_source}) and lookup targets (to tell a
     * contact from an account behind {@code _customerid_value}); {@code If-None-Match: null}
     * guards against a cached read.
     */
    @RequestLine(value = "GET /leads({id})", decodeSlash = false)
    @Headers({"If-None-Match: null",
            "Prefer: odata.include-annotations=\"OData.Community.Display.V1.FormattedValue,"
                    + "Microsoft.Dynamics.CRM.lookuplogicalname\""})
    Response getLead(URI apiRoot,
                     @Param(value = "id", encoded = true) String lowerCaseGuid,
                     @HeaderMap Map<String, Object> headers,
                     Request.Options options);
}
