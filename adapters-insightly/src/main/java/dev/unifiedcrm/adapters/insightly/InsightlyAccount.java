package dev.unifiedcrm.adapters.insightly;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What an Insightly account must hold (its configuration keys) and what follows from it: the API root
 * and the {@code Authorization} header. Never shows a credential value.
 */
final class InsightlyAccount {

    static final String POD = "pod";
    static final String API_KEY = "api_key";

    private static final Pattern POD_FORMAT = Pattern.compile("[a-z0-9_-]{1,32}");
    /** The API URL that Insightly shows the user, from which people often copy the whole line. */
    private static final Pattern API_URL = Pattern.compile(
            "(?i)\\s*(?:https?://)?api\\.([a-z0-9_-]{1,32})\\.insightly\\.com(?:[/:?#].*)?\\s*");

    private InsightlyAccount() {
    }

    /** @throws InvalidAccountException naming the first offending field */
    static void check(IntegratedAccount account) {
        if (!InsightlyAdapterProvider.INTEGRATION.equals(account.integration())) {
            throw new InvalidAccountException("integration",
                    "integration must be " + InsightlyAdapterProvider.INTEGRATION + " for the Insightly adapter, was " + account.integration());
        }
        for (String key : account.context().keySet()) {
            if (!POD.equals(key)) {
                throw new InvalidAccountException("context." + key,
                        "context." + key + " is not an Insightly setting; the only accepted context key is pod");
            }
        }
        String pod = account.contextString(POD).orElse(null);
        if (pod == null && account.baseUrl().isEmpty()) {
            throw new InvalidAccountException("context.pod",
                    "context.pod is required unless base_url is set: the pod of the account's API URL"
                            + " (https://api.{pod}.insightly.com), for example na1");
        }
        if (pod != null && !POD_FORMAT.matcher(pod).matches()) {
            var pastedUrl = API_URL.matcher(pod);
            if (pastedUrl.matches()) {
                String named = pastedUrl.group(1).toLowerCase(Locale.ROOT);
                throw new InvalidAccountException("context.pod",
                        "context.pod is the pod alone, not the whole API URL: write \"" + named + "\" (from "
                                + "https://api." + named + ".insightly.com)");
            }
            throw new InvalidAccountException("context.pod",
                    "context.pod must be 1 to 32 of a-z, 0-9, '_' and '-', for example na1");
        }
        for (String name : account.credentials().names()) {
            if (!API_KEY.equals(name)) {
                throw new InvalidAccountException("credentials." + name,
                        "credentials." + name + " is not an Insightly credential; the only accepted credential is api_key");
            }
        }
        if (account.credentials().find(API_KEY).isEmpty()) {
            throw new InvalidAccountException("credentials.api_key",
                    "credentials.api_key is required: the user's Insightly API key");
        }
    }

    /**
     * The account's API root without a trailing slash: its {@code base_url} (user information
     * dropped: Insightly authenticates with the API key only), else {@code https://api.{pod}.insightly.com/v3.1}.
     */
    static URI apiRoot(IntegratedAccount account) {
        check(account);
        if (account.baseUrl().isPresent()) {
            URI url = account.baseUrl().get();
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            try {
                URI authority = new URI(url.getScheme(), null, url.getHost(), url.getPort(), null, null, null);
                return URI.create(authority + path);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("base_url is not a usable URL", e);
            }
        }
        return URI.create("https://api." + account.contextString(POD).orElseThrow() + ".insightly.com/v3.1");
    }

    /** {@code Basic base64("<api_key>:")}: the API key is the user name, the password is empty. */
    static String authorization(IntegratedAccount account) {
        String apiKey = account.credentials().require(API_KEY);
        return "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
    }
}
