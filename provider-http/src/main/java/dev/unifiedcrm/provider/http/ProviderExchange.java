package dev.unifiedcrm.provider.http;

import feign.Response;

/**
 * One request of an adapter, as a call of its Feign interface: a method that returns the raw
 * {@link Response}, so that the kit reads the body within its bound and judges the status.
 * Headers that depend on the account (authorization) are computed here, per call.
 */
@FunctionalInterface
public interface ProviderExchange {

    Response send(ProviderRequest request);
}
