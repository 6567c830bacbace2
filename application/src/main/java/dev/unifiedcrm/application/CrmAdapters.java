package dev.unifiedcrm.application;

import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CrmAdapter;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The CRM adapters this process can use, one per integration, each built once.
 */
public final class CrmAdapters {

    /** An adapter's provider (what it accepts) and the ports it built. */
    public record Registered(CrmAdapterProvider provider, CrmAdapter adapter) {
    }

    private final Map<Integration, Registered> byIntegration;

    private CrmAdapters(Map<Integration, Registered> byIntegration) {
        this.byIntegration = Collections.unmodifiableMap(byIntegration);
    }

    /** Every adapter on the class path, found by {@link ServiceLoader}. */
    public static CrmAdapters discover(AdapterSettings settings) {
        return of(settings, ServiceLoader.load(CrmAdapterProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /**
     * @throws IllegalStateException when two providers claim the same integration
     */
    public static CrmAdapters of(AdapterSettings settings, List<CrmAdapterProvider> providers) {
        var byIntegration = new LinkedHashMap<Integration, Registered>();
        for (CrmAdapterProvider provider : providers) {
            var previous = byIntegration.put(provider.integration(), new Registered(provider, provider.create(settings)));
            if (previous != null) {
                throw new IllegalStateException("two adapters claim integration " + provider.integration() + ": "
                        + previous.provider().getClass().getName() + " and " + provider.getClass().getName());
            }
        }
        return new CrmAdapters(byIntegration);
    }

    public Optional<Registered> find(Integration integration) {
        return Optional.ofNullable(byIntegration.get(integration));
    }

    public Set<Integration> integrations() {
        return byIntegration.keySet();
    }
}
