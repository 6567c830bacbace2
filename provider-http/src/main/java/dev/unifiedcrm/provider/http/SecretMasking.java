package dev.unifiedcrm.provider.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Replaces the values of token and secret keys in a parsed JSON tree, at any depth, by {@code "***"}. */
final class SecretMasking {

    static final String MASK = "***";

    private static final Set<String> SECRET_KEYS = Set.of("access_token", "refresh_token", "id_token", "client_secret");

    private SecretMasking() {
    }

    static Object mask(Object tree) {
        if (tree instanceof Map<?, ?> map) {
            var masked = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> masked.put(String.valueOf(key),
                    SECRET_KEYS.contains(String.valueOf(key)) && value != null ? MASK : mask(value)));
            return masked;
        }
        if (tree instanceof List<?> list) {
            var masked = new ArrayList<Object>(list.size());
            list.forEach(item -> masked.add(mask(item)));
            return masked;
        }
        return tree;
    }
}
