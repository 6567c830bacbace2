package dev.unifiedcrm.api.http;

/**
 * A configuration file that cannot be used. {@link #getMessage()} is the one line shown on standard
 * error: the file, the account ({@code id}, or {@code accounts[N]} when it has none) and the field.
 * It never holds a secret value.
 */
final class InvalidConfigurationException extends Exception {

    InvalidConfigurationException(String line) {
        super(line, null, false, false);
    }
}
