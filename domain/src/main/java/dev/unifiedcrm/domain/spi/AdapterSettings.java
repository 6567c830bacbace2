package dev.unifiedcrm.domain.spi;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What every adapter is built with.
 *
 * @param connectTimeout  the longest opening a connection may take (the configuration's {@code connect_ms})
 * @param userAgent       the {@code User-Agent} every provider request carries ({@code unified-crm/<version>})
 * @param maxBodyBytes    a provider body is not read past this many bytes; a larger one is a
 *                        {@link dev.unifiedcrm.domain.ProviderContractBreach} of kind {@code BODY_TOO_LARGE}
 * @param clock           the time of token lifetimes and of the pause after a refused grant
 * @param credentialStore where rotated refresh tokens are kept across restarts
 * @param tokenRequests   told about every token request (metrics, never a secret)
 */
public record AdapterSettings(Duration connectTimeout, String userAgent, int maxBodyBytes,
                              Clock clock, CredentialStore credentialStore, TokenRequestListener tokenRequests) {

    /** The limit on provider bodies: 1 MiB (the root README's Reliability section). */
    public static final int ONE_MIB = 1024 * 1024;

    public AdapterSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive");
        }
        Objects.requireNonNull(userAgent, "userAgent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("userAgent must be printable ASCII");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(credentialStore, "credentialStore");
        Objects.requireNonNull(tokenRequests, "tokenRequests");
    }

    /** Settings with the system clock, no credential store and no token-request listener. */
    public AdapterSettings(Duration connectTimeout, String userAgent, int maxBodyBytes) {
        this(connectTimeout, userAgent, maxBodyBytes, Clock.systemUTC(), CredentialStore.NONE, TokenRequestListener.NONE);
    }
}
