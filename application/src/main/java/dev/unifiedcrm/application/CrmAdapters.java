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
 * The CRM adapters this process can use, one per integration, each built once. This is the one
 * place that looks for adapters on the class path ({@link #onClassPath()}); a configuration reads
 * accounts against the {@link Providers} found there before the adapters are built with its settings.
 */
public final class CrmAdapters {

    /** An adapter's provider (what it accepts) and the ports it built. */
    public record Registered(CrmAdapterProvider provider, CrmAdapter adapter) {
    }

    /**
     * Adapter providers by integration, not built yet: what a configuration checks its accounts
     * against. At most one provider per integration.
     */
    public static final class Providers {
        private final Map<Integration, CrmAdapterProvider> byIntegration;

        private Providers(List<CrmAdapterProvider> providers) {
            var map = new LinkedHashMap<Integration, CrmAdapterProvider>();
            for (CrmAdapterProvider provider : providers) {
                var previous = map.putIfAbsent(provider.integration(), provider);
                if (previous != null) {
                    throw new IllegalStateException("two adapters claim integration " + provider.integration() + ": "
                            + previous.getClass().getName() + " and " + provider.getClass().getName());
                }
            }
            this.byIntegration = Collections.unmodifiableMap(map);
        }

        /** The provider of the integration spelled {@code name} (as in configuration files). */
        public Optional<CrmAdapterProvider> named(String name) {
            return byIntegration.entrySet().stream()
                    .filter(entry -> entry.getKey().name().equals(name))
                    .map(Map.Entry::getValue)
                    .findFirst();
        }

        public Set<Integration> integrations() {
            return byIntegration.keySet();
        }

        /** Builds each provider's adapter once, with {@code settings}. */
        public CrmAdapters build(AdapterSettings settings) {
            var registered = new LinkedHashMap<Integration, Registered>();
            byIntegration.forEach((integration, provider) ->
                    registered.put(integration, new Registered(provider, provider.create(settings))));
            return new CrmAdapters(registered);
        }
    }

    private final Map<Integration, Registered> byIntegration;

    private CrmAdapters(Map<Integration, Registered> byIntegration) {
        this.byIntegration = Collections.unmodifiableMap(byIntegration);
    }

    /**
     * The adapter providers on the class path, found by {@link ServiceLoader}.
     *
     * @throws IllegalStateException when two providers claim the same integration
     */
    public static Providers onClassPath() {
        return providers(ServiceLoader.load(CrmAdapterProvider.class).stream().map(ServiceLoader.Provider::get).toList());
    }

    /**
     * Given providers, for tests and for embedders who list their adapters by hand.
     *
     * @throws IllegalStateException when two providers claim the same integration
     */
    public static Providers providers(List<CrmAdapterProvider> providers) {
        return new Providers(providers);
    }

    /** Every adapter on the class path, built with {@code settings}. */
    public static CrmAdapters discover(AdapterSettings settings) {
        return onClassPath().build(settings);
    }

    /**
     * The given providers' adapters, built with {@code settings}.
     *
     * @throws IllegalStateException when two providers claim the same integration
     */
    public static CrmAdapters of(AdapterSettings settings, List<CrmAdapterProvider> providers) {
        return providers(providers).build(settings);
    }

    public Optional<Registered> find(Integration integration) {
        return Optional.ofNullable(byIntegration.get(integration));
    }

    public Set<Integration> integrations() {
        return byIntegration.keySet();
    }
}
