package dev.unifiedcrm.sandbox;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A demo account: {@code integration} as in config files ("insightly", "pipeliner", "zendesk_sell", "nutshell",
 * "monday_crm", "zoho_crm", "hubspot", "pipedrive", "salesforce", "dynamics_365_sales"),
 * {@code accountId} a lower-case UUID (fresh per start), {@code baseUrl} the simulator's API root for this
 * account (http://127.0.0.1:PORT/...), {@code context} the account's context keys as plain JSON values (insightly: {"pod": "sandbox"};
 * pipeliner: {"space_id": "sandbox"}; zendesk_sell, nutshell, zoho_crm, salesforce and dynamics_365_sales: {};
 * monday_crm: board_id and columns; hubspot: {"custom_properties": ...}; pipedrive: {"company_domain": "sandbox"}),
 * {@code credentials} (insightly {"api_key"}; pipeliner {"username","password"}; salesforce
 * {"client_id","client_secret"}; nutshell {"username" (an e-mail address),"api_key"}; pipedrive {"api_token"}:
 * fresh random values per start; hubspot {"client_id","client_secret","refresh_token"}: the simulator's fixed,
 * public OAuth client),
 * {@code seededLeadIds} the ids of the leads the simulator holds at start (in a stable order), {@code tokenUrl}
 * the simulator's OAuth token endpoint when the account's credentials are an OAuth set (zendesk_sell:
 * {"client_id","client_secret","refresh_token"}, with access tokens that live 30 s; hubspot: the same keys,
 * with access tokens that live 30 minutes; zoho_crm: the same keys, sent as form fields, with access tokens that
 * live an hour; salesforce: the client-credentials grant, with access tokens that live 15 minutes;
 * dynamics_365_sales: {"tenant_id","client_id","client_secret"}, client credentials, tokens that live 3599 s).
 *
 * <p>{@link #toString()} masks the credential values.
 */
public record DemoAccount(String integration, String accountId, URI baseUrl,
                          Map<String, Object> context, Map<String, String> credentials,
                          List<String> seededLeadIds, Optional<URI> tokenUrl) {

    /** A demo account whose credentials are used as they are. */
    public DemoAccount(String integration, String accountId, URI baseUrl, Map<String, Object> context,
                       Map<String, String> credentials, List<String> seededLeadIds) {
        this(integration, accountId, baseUrl, context, credentials, seededLeadIds, Optional.empty());
    }

    public DemoAccount {
        Objects.requireNonNull(integration, "integration");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(baseUrl, "baseUrl");
        context = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(context, "context")));
        context.forEach((key, value) -> Objects.requireNonNull(value, () -> "value of " + key));
        credentials = ordered(Objects.requireNonNull(credentials, "credentials"));
        seededLeadIds = List.copyOf(Objects.requireNonNull(seededLeadIds, "seededLeadIds"));
        Objects.requireNonNull(tokenUrl, "tokenUrl");
    }

    private static Map<String, String> ordered(Map<String, String> map) {
        map.forEach((key, value) -> {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, () -> "value of " + key);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    @Override
    public String toString() {
        String maskedCredentials = credentials.keySet().stream()
                .map(key -> key + "=***")
                .collect(Collectors.joining(", ", "{", "}"));
        return "DemoAccount[integration=" + integration + ", accountId=" + accountId + ", baseUrl=" + baseUrl
                + ", context=" + context + ", credentials=" + maskedCredentials
                + ", seededLeadIds=" + seededLeadIds + ", tokenUrl=" + tokenUrl + "]";
    }
}
