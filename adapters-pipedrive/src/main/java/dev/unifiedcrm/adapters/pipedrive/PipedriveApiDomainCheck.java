package dev.unifiedcrm.adapters.pipedrive;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.provider.http.TokenAnswerListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compares the {@code api_domain} of Pipedrive's token answers with the account's API root, and
 * never follows it: the root stays the one the configuration gives ({@code company_domain} or
 * {@code base_url}), so an access token only goes to a host the operator chose, never to one read
 * from a provider answer. When the hosts differ (a company moved, or {@code base_url} points at a
 * proxy), one warning per account says so.
 */
final class PipedriveApiDomainCheck implements TokenAnswerListener {

    private static final Logger LOG = LoggerFactory.getLogger(PipedriveApiDomainCheck.class);

    private final Set<IntegratedAccountId> warned = ConcurrentHashMap.newKeySet();

    @Override
    public void tokenIssued(IntegratedAccount account, Map<String, Object> answer) {
        if (!(answer.get("api_domain") instanceof String apiDomain)) {
            return;
        }
        String rootHost = PipedriveAdapterProvider.apiRoot(account).getHost();
        Optional<String> named = host(apiDomain);
        if (named.isPresent() && named.get().equalsIgnoreCase(rootHost)) {
            return;
        }
        if (warned.add(account.id())) {
            LOG.warn("Pipedrive's token answer for integrated account {} names api_domain {}, not the host of the"
                    + " account's API root ({}); calls keep going to the API root: a token never goes to a host read"
                    + " from an answer. Check context.company_domain or base_url if the company moved.",
                    account.id(), named.map(host -> "host " + host).orElse("without a readable host"), rootHost);
        }
    }

    /** The host of an {@code api_domain} value; empty when it is no URL with a host. */
    static Optional<String> host(String apiDomain) {
        try {
            return Optional.ofNullable(new URI(apiDomain).getHost()).map(host -> host.toLowerCase(Locale.ROOT));
        } catch (URISyntaxException notAUrl) {
            return Optional.empty();
        }
    }
}
