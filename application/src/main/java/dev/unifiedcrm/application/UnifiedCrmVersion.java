package dev.unifiedcrm.application;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** This build's version, and the {@code User-Agent} every provider request carries. */
public final class UnifiedCrmVersion {

    private static final String VERSION = load();

    private UnifiedCrmVersion() {
    }

    public static String version() {
        return VERSION;
    }

    /** {@code unified-crm/<version>}. */
    public static String userAgent() {
        return "unified-crm/" + VERSION;
    }

    private static String load() {
        try (InputStream in = UnifiedCrmVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the application jar");
            }
            var properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
