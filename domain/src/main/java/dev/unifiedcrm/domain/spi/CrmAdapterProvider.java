package dev.unifiedcrm.domain.spi;

import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.LeadIdFormat;

import java.util.List;
import java.util.OptionalDouble;

/**
 * One CRM integration, found on the class path by {@link java.util.ServiceLoader}: an adapter jar
 * lists its implementation in
 * {@code META-INF/services/dev.unifiedcrm.domain.spi.CrmAdapterProvider}. Implementations have a
 * public no-argument constructor and are cheap to create; the work happens in {@link #create}.
 */
public interface CrmAdapterProvider {

    /** The integration this adapter serves; at most one provider per integration may be on the class path. */
    Integration integration();

    /** The format of this provider's lead ids; ids that do not match it never reach the provider. */
    LeadIdFormat leadIdFormat();

    /** The provider's documented request rate per account, or empty when it publishes none (unpaced). */
    OptionalDouble documentedRequestsPerSecond();

    /**
     * The credential sets an account of this integration may hold. The configuration picks the one
     * whose keys equal the account's credential names; none or several is a configuration error.
     */
    List<CredentialSet> credentialSets();

    /**
     * Whether this provider rotates refresh tokens (a token answer brings a new one and the old
     * one may stop working): an account with a refresh-token set then needs a credential store to
     * survive a restart, and the service warns at start when it has none.
     */
    default boolean rotatesRefreshTokens() {
        return false;
    }

    /**
     * Checks that an account of this integration has what the adapter needs: the context keys
     * (with their formats) and credential names, and nothing else.
     *
     * @throws InvalidAccountException naming the first offending field ({@code context.pod},
     *                                 {@code credentials.api_key}, ...), never showing a credential value
     */
    void checkAccount(IntegratedAccount account);

    /**
     * Builds the adapter's ports, sharing one HTTP client (and its connection pool) between them.
     * Called once per service; the ports are thread-safe and serve every account of the integration.
     */
    CrmAdapter create(AdapterSettings settings);
}
