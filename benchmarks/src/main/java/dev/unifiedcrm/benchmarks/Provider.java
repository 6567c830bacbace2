package dev.unifiedcrm.benchmarks;

import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * One integration as the benchmarks use it: a benchmark account whose {@code base_url} points at
 * the stub, the lead id deleted on every call, and the request a bare client sends to delete it
 * (same path, same {@code Authorization}, {@code Accept} and {@code User-Agent} as the adapter's).
 */
enum Provider {

    INSIGHTLY(new Integration("insightly"), "5f0c1f3e-8d2a-4e55-b0a7-7c9e2d4b6a12", StubProvider.INSIGHTLY_ROOT,
            "/Leads/", "4242424242", Map.of(), Map.of("api_key", "bench-insightly-key"),
            basic("bench-insightly-key", "")),
    PIPELINER(new Integration("pipeliner"), "9a3e7b21-64c8-4f1d-8e5b-3d2c1b0a9f23", StubProvider.PIPELINER_ROOT,
            "/entities/Leads/", "8c4d1f7e-3b2a-4d9e-9f10-2a6b5c7d8e90",
            // space_id stays required with a base_url; the stub's root names the same space.
            Map.of("space_id", "bench"), Map.of("username", "bench-user", "password", "bench-password"),
            basic("bench-user", "bench-password")),
    ZENDESK_SELL(new Integration("zendesk_sell"), "0b7c6a52-3f0e-4c47-9a4e-2b1d6f1f9a01", StubProvider.ZENDESK_SELL_ROOT,
            "/leads/", "4242424242", Map.of(), Map.of("access_token", "bench-sell-token"),
            "Bearer bench-sell-token");

    final Integration integration;
    final IntegratedAccountId accountId;
    final String root;
    final String leadsPath;
    final String leadId;
    final Map<String, String> context;
    final Map<String, String> secrets;
    final String authorization;

    Provider(Integration integration, String accountId, String root, String leadsPath, String leadId,
             Map<String, String> context, Map<String, String> secrets, String authorization) {
        this.integration = integration;
        this.accountId = IntegratedAccountId.parse(accountId).orElseThrow();
        this.root = root;
        this.leadsPath = leadsPath;
        this.leadId = leadId;
        this.context = context;
        this.secrets = secrets;
        this.authorization = authorization;
    }

    /** By the name used in configuration files and in the benchmarks' {@code integration} parameter. */
    static Provider named(String integration) {
        for (Provider provider : values()) {
            if (provider.integration.name().equals(integration)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown integration " + integration);
    }

    /** The account as a configuration file would give it: base_url at the stub, unpaced. */
    IntegratedAccount account(URI stubOrigin) {
        return new IntegratedAccount(accountId, integration, context, Optional.of(URI.create(stubOrigin + root)),
                Pacing.unpaced(), Credentials.of(secrets));
    }

    /** The URL the adapter calls to delete {@link #leadId}. */
    URI deleteUrl(URI stubOrigin) {
        return URI.create(stubOrigin + root + leadsPath + leadId);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
