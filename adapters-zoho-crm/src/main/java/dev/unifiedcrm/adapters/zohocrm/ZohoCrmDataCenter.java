package dev.unifiedcrm.adapters.zohocrm;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Zoho's data centres: each holds its own users, and tokens of one do not work on another. The API
 * root and the token endpoint follow from the data centre; Canada's accounts host is the one
 * exception ({@code accounts.zohocloud.ca}). The API version is pinned to v8.
 */
enum ZohoCrmDataCenter {
    COM("com"),
    EU("eu"),
    IN("in"),
    COM_AU("com.au"),
    JP("jp"),
    CA("ca") {
        @Override
        URI tokenEndpoint() {
            return URI.create("https://accounts.zohocloud.ca/oauth/v2/token");
        }
    },
    COM_CN("com.cn"),
    SA("sa");

    private final String domain;

    ZohoCrmDataCenter(String domain) {
        this.domain = domain;
    }

    /** The {@code context.data_center} value, exact and lower case. */
    String configValue() {
        return domain;
    }

    URI apiRoot() {
        return URI.create("https://www.zohoapis." + domain + "/crm/v8");
    }

    URI tokenEndpoint() {
        return URI.create("https://accounts.zoho." + domain + "/oauth/v2/token");
    }

    static Optional<ZohoCrmDataCenter> of(String configValue) {
        return Arrays.stream(values()).filter(center -> center.domain.equals(configValue)).findFirst();
    }

    /** The accepted values, for error messages. */
    static String accepted() {
        return Arrays.stream(values()).map(ZohoCrmDataCenter::configValue).collect(Collectors.joining(", "));
    }
}
