package dev.unifiedcrm.adapters.zendesksell;

import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * Keeps OkHttp from acting on a provider's {@code Retry-After}. Even with its own retries off,
 * OkHttp's follow-up step resends a 503 at once when {@code Retry-After} is {@code 0}, and throws
 * NumberFormatException when the value does not fit an int; retries are the application's decision.
 * A network interceptor (below that step) hides the header; an application interceptor (above it)
 * puts it back unchanged, so the answer still carries it.
 */
final class RetryAfterShield {

    private static final String RETRY_AFTER = "Retry-After";
    private static final String HIDDEN = "X-Unified-Crm-Hidden-Retry-After";

    private RetryAfterShield() {
    }

    static OkHttpClient.Builder install(OkHttpClient.Builder builder) {
        return builder
                .addInterceptor(chain -> move(chain.proceed(chain.request()), HIDDEN, RETRY_AFTER))
                .addNetworkInterceptor(chain -> move(chain.proceed(chain.request()), RETRY_AFTER, HIDDEN));
    }

    private static Response move(Response response, String from, String to) {
        var values = response.headers(from);
        if (values.isEmpty()) {
            return response;
        }
        var moved = response.newBuilder().removeHeader(from);
        values.forEach(value -> moved.addHeader(to, value));
        return moved.build();
    }
}
