package dev.unifiedcrm.adapters.pipedrive;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * The account's {@code context.company_domain}: the subdomain of the company's Pipedrive address
 * ({@code acme} for {@code acme.pipedrive.com}), which routes to the company's data centre for both
 * credential sets. The OAuth token answer's {@code api_domain} is never followed: a token only goes
 * to a host the configuration names.
 */
final class PipedriveCompanyDomain {

    static final String CONTEXT_KEY = "company_domain";

    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private PipedriveCompanyDomain() {
    }

    /**
     * The API root derived from the company domain.
     *
     * @throws IllegalArgumentException saying what is accepted
     */
    static URI apiRoot(String companyDomain) {
        if (companyDomain == null || !SUBDOMAIN.matcher(companyDomain).matches()) {
            throw new IllegalArgumentException(CONTEXT_KEY + " must be the subdomain of the company's Pipedrive"
                    + " address: 1 to 63 of a-z, 0-9 and -, starting with a letter or digit (acme for acme.pipedrive.com)");
        }
        return URI.create("https://" + companyDomain + ".pipedrive.com/api/v1");
    }
}
