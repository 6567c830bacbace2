package dev.unifiedcrm.provider.http;

import feign.Response;

/** One request of an adapter that carries an access token: {@link ProviderExchange} with the token to send. */
@FunctionalInterface
public interface AuthorizedExchange {

    Response send(ProviderRequest request, String accessToken);
}
