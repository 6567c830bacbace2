package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderFailure;

/**
 * The adapter's reading of a 4xx or 5xx answer: which failure it is (usually a
 * {@link dev.unifiedcrm.domain.ProviderRejection} with the provider's message and code).
 */
@FunctionalInterface
public interface ErrorAnswerDecoder {

    ProviderFailure decode(ProviderAnswer answer);
}
