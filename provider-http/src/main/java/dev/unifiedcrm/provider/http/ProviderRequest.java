package dev.unifiedcrm.provider.http;

import feign.Request;

import java.util.Map;

/**
 * What the kit prepared for one request of an exchange; the adapter hands these to its Feign method.
 *
 * @param encodedLeadId the call's lead id, checked against the adapter's id format and encoded as
 *                      exactly one path segment (declare it {@code @Param(value = "id", encoded = true)}
 *                      on a {@code @RequestLine(..., decodeSlash = false)})
 * @param encodedQuery  the call's pass-through query, encoded, for {@code @QueryMap(encoded = true)}
 * @param options       Feign options carrying the exchange's deadline to the kit's client; pass
 *                      them as the method's {@link Request.Options} argument
 */
public record ProviderRequest(String encodedLeadId, Map<String, Object> encodedQuery, Request.Options options) {
}
