package dev.unifiedcrm.adapters.zendesksell;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.provider.http.ProviderHttp;

import java.net.URI;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The Zendesk Sell integration ({@code zendesk_sell}): deletes and fetches leads through Sell's
 * Core API v2. Found by {@link java.util.ServiceLoader}.
 *
 * <p>An account needs only {@code credentials.access_token} (an OAuth or personal access token):
 * the token names the Sell account, so {@code context} must be empty. The API root is
 * {@value #DEFAULT_API_ROOT} unless the account's {@code base_url} overrides it.
 */
public final class ZendeskSellAdapterProvider implements CrmAdapterProvider {

    /** Sell's API root when the account has no {@code base_url}. */
    public static final String DEFAULT_API_ROOT = "https://api.getbase.com/v2";

    static final Integration INTEGRATION = new Integration("zendesk_sell");

    static final String ACCESS_TOKEN = "access_token";

    // A token goes into a header verbatim: anything outside visible ASCII would break the request.
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    /** Sell documents 36,000 requests per hour per token. */
    private static final double DOCUMENTED_REQUESTS_PER_SECOND = 10.0;

    public ZendeskSellAdapterProvider() {
        // Cheap on purpose: the HTTP client is built in create().
    }

    @Override
    public Integration integration() {
        return INTEGRATION;
    }

    @Override
    public LeadIdFormat leadIdFormat() {
        return LeadIdFormat.POSITIVE_INT64;
    }

    @Override
    public OptionalDouble documentedRequestsPerSecond() {
        return OptionalDouble.of(DOCUMENTED_REQUESTS_PER_SECOND);
    }

    @Override
    public void checkAccount(IntegratedAccount account) {
        if (!INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "this adapter serves integration 'zendesk_sell', not '" + account.integration() + "'");
        }
        account.context().keySet().stream().findFirst().ifPresent(key -> {
            throw new InvalidAccountException("context." + key,
                    "context." + key + " is not accepted: zendesk_sell accounts take no context"
                            + " (the access token names the Sell account)");
        });
        for (String name : account.credentials().names()) {
            if (!name.equals(ACCESS_TOKEN)) {
                throw new InvalidAccountException("credentials." + name,
                        "credentials." + name + " is not accepted: zendesk_sell takes only credentials.access_token");
            }
        }
        String token = account.credentials().find(ACCESS_TOKEN).orElseThrow(() -> new InvalidAccountException(
                "credentials.access_token",
                "credentials.access_token is required: a Zendesk Sell OAuth or personal access token"));
        if (!TOKEN.matcher(token).matches()) {
            throw new InvalidAccountException("credentials.access_token",
                    "credentials.access_token must be visible ASCII characters without spaces");
        }
        account.baseUrl().ifPresent(ZendeskSellAdapterProvider::checkBaseUrl);
    }

    private static void checkBaseUrl(URI url) {
        if (url.getRawUserInfo() != null) {
            // Credentials belong in credentials.*, where they are never printed.
            throw new InvalidAccountException("base_url", "base_url must not hold user information (user:password@)");
        }
    }

    @Override
    public CrmAdapter create(AdapterSettings settings) {
        var adapter = new ZendeskSellLeadDeletionAdapter(new ProviderHttp("Zendesk Sell", leadIdFormat(), settings));
        return new CrmAdapter(adapter, adapter);
    }

    /** The account's API root without a trailing slash: its {@code base_url}, else {@value #DEFAULT_API_ROOT}. */
    static URI apiRoot(IntegratedAccount account) {
        String root = account.baseUrl().map(URI::toString).orElse(DEFAULT_API_ROOT);
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        return URI.create(root);
    }
}
