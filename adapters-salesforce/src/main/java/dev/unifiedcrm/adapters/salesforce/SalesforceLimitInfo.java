package dev.unifiedcrm.adapters.salesforce;

import dev.unifiedcrm.domain.ProviderAnswer;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Salesforce's {@code Sforce-Limit-Info} header as the normalised rate-limit headers. Every REST
 * answer carries {@code api-usage=N/M}, the calls used of the org's rolling 24-hour allocation,
 * sometimes followed by other items ({@code , per-app-api-usage=n/m(appName=...)},
 * {@code , api-bursts=...}). The item named exactly {@code api-usage} gives
 * {@code ratelimit-limit: M} and {@code ratelimit-remaining: max(M - N, 0)}; a rolling window has
 * no reset, so there is no {@code ratelimit-reset}. Nothing is set when the item is missing,
 * repeated or not two whole numbers.
 *
 * <p>The adapter hands the service answers that carry these figures as their
 * {@link ProviderAnswer#rateLimit()} ({@link #read}), the headers left as they came: the service
 * turns those figures into {@code ratelimit-*} headers as for every CRM, so it needs to know nothing
 * about Salesforce's header.
 */
final class SalesforceLimitInfo {

    static final String HEADER = "Sforce-Limit-Info";

    private static final Pattern API_USAGE = Pattern.compile("([0-9]{1,18})/([0-9]{1,18})");

    private SalesforceLimitInfo() {
    }

    /** The same answer with the figures of its {@code Sforce-Limit-Info} as its rate limit (none when they do not map cleanly). */
    static ProviderAnswer read(ProviderAnswer answer) {
        return answer.withRateLimit(rateLimitHeaders(answer));
    }

    /** The figures by their {@code ratelimit-*} names, in order; empty when nothing maps cleanly. */
    static Map<String, String> rateLimitHeaders(ProviderAnswer answer) {
        List<String> values = answer.headers().getOrDefault(HEADER.toLowerCase(Locale.ROOT), List.of());
        String usage = null;
        for (String value : values) {
            for (String item : value.split(",")) {
                int equals = item.indexOf('=');
                if (equals < 0 || !item.substring(0, equals).trim().equals("api-usage")) {
                    continue;
                }
                if (usage != null) {
                    return Map.of();
                }
                usage = item.substring(equals + 1).trim();
            }
        }
        if (usage == null) {
            return Map.of();
        }
        Matcher numbers = API_USAGE.matcher(usage);
        if (!numbers.matches()) {
            return Map.of();
        }
        var used = new BigInteger(numbers.group(1));
        var limit = new BigInteger(numbers.group(2));
        var headers = new LinkedHashMap<String, String>();
        headers.put(ProviderAnswer.RATE_LIMIT_LIMIT, limit.toString());
        headers.put(ProviderAnswer.RATE_LIMIT_REMAINING, limit.subtract(used).max(BigInteger.ZERO).toString());
        return headers;
    }
}
