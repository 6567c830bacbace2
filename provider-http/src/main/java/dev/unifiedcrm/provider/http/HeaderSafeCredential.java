package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.spi.InvalidAccountException;

import java.util.regex.Pattern;

/** The start-up check of a credential that an adapter sends verbatim in a header. */
public final class HeaderSafeCredential {

    // Anything outside visible ASCII would break the request line or split the header.
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7e]+");

    private HeaderSafeCredential() {
    }

    /**
     * Refuses the account unless {@code credentials.<key>} is present and made of visible ASCII characters only.
     * The message names the key, never the value.
     */
    public static void require(IntegratedAccount account, String key) {
        if (!VISIBLE_ASCII.matcher(account.credentials().require(key)).matches()) {
            throw new InvalidAccountException("credentials." + key,
                    "credentials." + key + " must be visible ASCII characters without spaces");
        }
    }
}
