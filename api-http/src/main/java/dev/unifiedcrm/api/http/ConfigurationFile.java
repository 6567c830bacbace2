package dev.unifiedcrm.api.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.unifiedcrm.application.CrmAdapters;
import dev.unifiedcrm.application.Timeouts;
import dev.unifiedcrm.domain.Credentials;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.Pacing;
import dev.unifiedcrm.domain.spi.CrmAdapterProvider;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.sharedstate.redis.RedisLocation;
import dev.unifiedcrm.sharedstate.redis.RedisSharedState;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service's JSON configuration file (the README, section Configuration file) strictly: unknown keys,
 * duplicate keys, wrong types and out-of-range values are errors, never silent defaults. Each
 * account is also checked by its integration's adapter.
 *
 * <p>Every error is one line naming the file, the account and the field; no value that could be a
 * secret (tokens, credentials, URLs) is ever quoted.
 */
final class ConfigurationFile {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    private static final long MAX_TIMEOUT_MS = 600_000;
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final String file;
    private final CrmAdapters.Providers providers;
    private final Function<String, String> environment;

    private ConfigurationFile(Path file, CrmAdapters.Providers providers,
                              Function<String, String> environment) {
        this.file = file.toString();
        this.providers = providers;
        this.environment = environment;
    }

    /**
     * @param providers   the adapters found on the class path, by integration
     * @param environment looks up {@code ${env:NAME}} references ({@code System::getenv} in production)
     */
    static ServiceConfiguration read(Path file, CrmAdapters.Providers providers,
                                     Function<String, String> environment) throws InvalidConfigurationException {
        return new ConfigurationFile(file, providers, environment).read(file);
    }

    private ServiceConfiguration read(Path path) throws InvalidConfigurationException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw fileError("does not exist");
        } catch (AccessDeniedException e) {
            throw fileError("cannot be read (permission denied)");
        } catch (IOException e) {
            throw fileError(Files.isDirectory(path) ? "is a directory, not a file" : "cannot be read");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw fileError("is not valid JSON" + where(e) + duplicateKey(e));
        } catch (IOException e) {
            throw fileError("cannot be read");
        }
        if (root == null || root.isMissingNode()) {
            throw fileError("is empty: expected a JSON object");
        }
        var top = new Scope(null);
        top.object(root, "", Set.of("api_tokens", "timeouts", "audit_log", "accounts", "shared_state"));
        List<String> tokens = apiTokens(top, top.required(root, "api_tokens"));
        Timeouts timeouts = root.has("timeouts") ? timeouts(top, root.get("timeouts")) : Timeouts.DEFAULTS;
        Optional<String> auditLog = root.has("audit_log")
                ? Optional.of(top.nonEmptyString(root.get("audit_log"), "audit_log"))
                : Optional.empty();
        List<IntegratedAccount> accounts = accounts(top, top.required(root, "accounts"));
        Optional<ServiceConfiguration.SharedState> sharedState = root.has("shared_state")
                ? Optional.of(sharedState(top, root.get("shared_state")))
                : Optional.empty();
        return new ServiceConfiguration(tokens, timeouts, auditLog, accounts, sharedState);
    }

    private ServiceConfiguration.SharedState sharedState(Scope scope, JsonNode node) throws InvalidConfigurationException {
        scope.object(node, "shared_state", Set.of("redis_url", "key_prefix"));
        String url = scope.nonEmptyString(scope.required(node, "redis_url", "shared_state.redis_url"), "shared_state.redis_url");
        RedisLocation location;
        try {
            location = RedisLocation.parse(url);
        } catch (IllegalArgumentException e) {
            throw scope.error("shared_state.redis_url", e.getMessage().replaceFirst("^the Redis URL ", "")
                    + "; expected redis://[:password@]host:port/db or rediss://...");
        }
        String prefix = RedisSharedState.DEFAULT_KEY_PREFIX;
        if (node.has("key_prefix")) {
            JsonNode value = node.get("key_prefix");
            if (!value.isTextual()) {
                throw scope.error("shared_state.key_prefix", "must be a string");
            }
            prefix = value.asText();
            try {
                RedisSharedState.checkKeyPrefix(prefix);
            } catch (IllegalArgumentException e) {
                throw scope.error("shared_state.key_prefix", e.getMessage().replaceFirst("^the key prefix ", ""));
            }
        }
        return new ServiceConfiguration.SharedState(location, prefix);
    }

    private List<String> apiTokens(Scope scope, JsonNode node) throws InvalidConfigurationException {
        if (!node.isArray() || node.isEmpty()) {
            throw scope.error("api_tokens", "must be a non-empty array of non-empty strings");
        }
        var tokens = new ArrayList<String>();
        for (int i = 0; i < node.size(); i++) {
            tokens.add(scope.nonEmptyString(node.get(i), "api_tokens[" + i + "]"));
        }
        return tokens;
    }

    private Timeouts timeouts(Scope scope, JsonNode node) throws InvalidConfigurationException {
        scope.object(node, "timeouts", Set.of("connect_ms", "attempt_ms", "request_ms"));
        return new Timeouts(
                timeout(scope, node, "connect_ms", Timeouts.DEFAULTS.connect()),
                timeout(scope, node, "attempt_ms", Timeouts.DEFAULTS.attempt()),
                timeout(scope, node, "request_ms", Timeouts.DEFAULTS.request()));
    }

    private Duration timeout(Scope scope, JsonNode timeouts, String name, Duration fallback)
            throws InvalidConfigurationException {
        if (!timeouts.has(name)) {
            return fallback;
        }
        JsonNode value = timeouts.get(name);
        String field = "timeouts." + name;
        if (!value.isIntegralNumber() || !value.canConvertToLong()
                || value.asLong() < 1 || value.asLong() > MAX_TIMEOUT_MS) {
            throw scope.error(field, "must be a whole number of milliseconds from 1 to " + MAX_TIMEOUT_MS);
        }
        return Duration.ofMillis(value.asLong());
    }

    private List<IntegratedAccount> accounts(Scope top, JsonNode node) throws InvalidConfigurationException {
        if (!node.isArray()) {
            throw top.error("accounts", "must be an array of account objects");
        }
        var accounts = new ArrayList<IntegratedAccount>();
        var seen = new HashMap<IntegratedAccountId, Integer>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode entry = node.get(i);
            String position = "accounts[" + i + "]";
            Scope scope = new Scope(position);
            if (!entry.isObject()) {
                throw scope.error("", "must be an object");
            }
            Optional<IntegratedAccountId> id = idOf(entry);
            if (id.isPresent()) {
                scope = new Scope("account " + id.get().value());
            }
            IntegratedAccount account = account(scope, entry);
            Integer previous = seen.putIfAbsent(account.id(), i);
            if (previous != null) {
                throw scope.error("id", "duplicates the id of accounts[" + previous + "] (ids match in any case)");
            }
            accounts.add(account);
        }
        return accounts;
    }

    /** The account's id when it is a usable UUID, to name the account in errors. */
    private Optional<IntegratedAccountId> idOf(JsonNode account) {
        JsonNode id = account.get("id");
        if (id == null || !id.isTextual()) {
            return Optional.empty();
        }
        Matcher reference = ENV_REFERENCE.matcher(id.asText());
        String value = reference.matches() ? environment.apply(reference.group(1)) : id.asText();
        return value == null ? Optional.empty() : IntegratedAccountId.parse(value);
    }

    private IntegratedAccount account(Scope scope, JsonNode node) throws InvalidConfigurationException {
        scope.object(node, "", Set.of("id", "integration", "context", "credentials", "base_url", "rate_limit"));
        String idText = scope.nonEmptyString(scope.required(node, "id"), "id");
        IntegratedAccountId id = IntegratedAccountId.parse(idText).orElseThrow(() ->
                scope.error("id", "must be a UUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, hex digits)"));

        String integrationName = scope.nonEmptyString(scope.required(node, "integration"), "integration");
        CrmAdapterProvider provider = providers.named(integrationName).orElseThrow(() -> scope.error("integration", "'" + printable(integrationName)
                        + "' is not a known integration; known: " + String.join(", ", knownIntegrations())));

        Map<String, Object> context = node.has("context") ? scope.jsonObject(node.get("context"), "context") : Map.of();
        Map<String, String> secrets = scope.stringMap(scope.required(node, "credentials"), "credentials", true);
        Credentials credentials;
        try {
            credentials = Credentials.of(secrets);
        } catch (IllegalArgumentException e) {
            throw scope.error("credentials", "every credential must be a non-empty string");
        }

        Optional<URI> baseUrl = Optional.empty();
        if (node.has("base_url")) {
            String text = scope.nonEmptyString(node.get("base_url"), "base_url");
            try {
                URI uri = new URI(text);
                IntegratedAccount.checkBaseUrl(uri);
                baseUrl = Optional.of(uri);
            } catch (URISyntaxException e) {
                throw scope.error("base_url", "is not a valid URL");
            } catch (IllegalArgumentException e) {
                throw scope.error("base_url", e.getMessage());
            }
        }

        Pacing pacing = node.has("rate_limit") ? pacing(scope, node.get("rate_limit")) : Pacing.providerDefault();

        IntegratedAccount account;
        try {
            account = new IntegratedAccount(id, provider.integration(), context, baseUrl, pacing, credentials);
        } catch (IllegalArgumentException e) {
            throw scope.error("", "is not a valid account");
        }
        try {
            provider.checkAccount(account);
        } catch (InvalidAccountException e) {
            throw scope.error(e.field(), e.getMessage());
        }
        return account;
    }

    private Pacing pacing(Scope scope, JsonNode node) throws InvalidConfigurationException {
        scope.object(node, "rate_limit", Set.of("requests_per_second"));
        JsonNode rate = scope.required(node, "requests_per_second", "rate_limit.requests_per_second");
        String field = "rate_limit.requests_per_second";
        if (!rate.isNumber() || rate.decimalValue().signum() < 0 || !Double.isFinite(rate.asDouble())) {
            throw scope.error(field, "must be a number of requests per second, 0 or more (0: unpaced)");
        }
        double perSecond = rate.asDouble();
        if (perSecond == 0 && rate.decimalValue().signum() != 0) {
            throw scope.error(field, "is too small: use 0 for unpaced or a rate above 1e-300");
        }
        return Pacing.perSecond(perSecond);
    }

    private Set<String> knownIntegrations() {
        var names = new TreeSet<String>();
        providers.integrations().forEach(integration -> names.add(integration.name()));
        return names;
    }

    private InvalidConfigurationException fileError(String problem) {
        return new InvalidConfigurationException("invalid configuration file " + file + ": " + problem);
    }

    private static String where(JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        return location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    private static String duplicateKey(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        return message != null && message.startsWith("Duplicate field ") ? ": a key appears twice in one object" : "";
    }

    /** Names are shown only when they are short printable text; anything else may be a pasted secret. */
    private static String printable(String text) {
        return text.length() <= 40 && text.chars().allMatch(c -> c > 0x20 && c < 0x7f) ? text : "(not shown)";
    }

    /** Errors inside one account ({@code account <id>} or {@code accounts[N]}), or the top level when null. */
    private final class Scope {
        private final String account;

        Scope(String account) {
            this.account = account;
        }

        InvalidConfigurationException error(String field, String problem) {
            var line = new StringBuilder("invalid configuration file ").append(file).append(": ");
            if (account != null) {
                line.append(account).append(": ");
            }
            if (!field.isEmpty()) {
                line.append("field ").append(field).append(": ");
            }
            line.append(problem);
            return new InvalidConfigurationException(line.toString());
        }

        void object(JsonNode node, String field, Set<String> allowed) throws InvalidConfigurationException {
            if (!node.isObject()) {
                throw error(field, "must be a JSON object");
            }
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (!allowed.contains(name)) {
                    String path = field.isEmpty() ? printable(name) : field + "." + printable(name);
                    throw error(path, "unknown key (allowed here: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
        }

        JsonNode required(JsonNode parent, String name) throws InvalidConfigurationException {
            return required(parent, name, name);
        }

        JsonNode required(JsonNode parent, String name, String field) throws InvalidConfigurationException {
            JsonNode value = parent.get(name);
            if (value == null) {
                throw error(field, "is required");
            }
            return value;
        }

        String nonEmptyString(JsonNode node, String field) throws InvalidConfigurationException {
            if (!node.isTextual()) {
                throw error(field, "must be a string");
            }
            String value = resolve(node.asText(), field);
            if (value.isEmpty()) {
                throw error(field, "must not be empty");
            }
            return value;
        }

        Map<String, String> stringMap(JsonNode node, String field, boolean secret) throws InvalidConfigurationException {
            if (!node.isObject()) {
                throw error(field, "must be a JSON object of strings");
            }
            var values = new LinkedHashMap<String, String>();
            for (var entry : node.properties()) {
                String name = field + "." + printable(entry.getKey());
                if (!entry.getValue().isTextual()) {
                    throw error(name, "must be a string");
                }
                String value = resolve(entry.getValue().asText(), name);
                if (secret && value.isEmpty()) {
                    throw error(name, "must not be empty");
                }
                values.put(entry.getKey(), value);
            }
            return values;
        }

        /**
         * A context object as plain JSON values (strings, exact numbers, booleans, lists, maps in
         * order); every string, at any depth, may be an {@code ${env:NAME}} reference. A top-level
         * {@code null} is refused: an absent key says the same without doubt.
         */
        Map<String, Object> jsonObject(JsonNode node, String field) throws InvalidConfigurationException {
            if (!node.isObject()) {
                throw error(field, "must be a JSON object");
            }
            var values = new LinkedHashMap<String, Object>();
            var entries = node.fields();
            while (entries.hasNext()) {
                var entry = entries.next();
                String name = field + "." + printable(entry.getKey());
                if (entry.getValue().isNull()) {
                    throw error(name, "must not be null (leave the key out instead)");
                }
                values.put(entry.getKey(), jsonValue(entry.getValue(), name));
            }
            return values;
        }

        private Object jsonValue(JsonNode node, String field) throws InvalidConfigurationException {
            if (node.isTextual()) {
                return resolve(node.asText(), field);
            }
            if (node.isObject()) {
                return jsonObjectOrNulls(node, field);
            }
            if (node.isArray()) {
                var values = new ArrayList<Object>();
                for (int i = 0; i < node.size(); i++) {
                    values.add(jsonValue(node.get(i), field + "[" + i + "]"));
                }
                return values;
            }
            if (node.isNumber()) {
                return node.numberValue();
            }
            return node.isBoolean() ? node.booleanValue() : null;
        }

        private Map<String, Object> jsonObjectOrNulls(JsonNode node, String field) throws InvalidConfigurationException {
            var values = new LinkedHashMap<String, Object>();
            var entries = node.fields();
            while (entries.hasNext()) {
                var entry = entries.next();
                values.put(entry.getKey(), jsonValue(entry.getValue(), field + "." + printable(entry.getKey())));
            }
            return values;
        }

        private String resolve(String text, String field) throws InvalidConfigurationException {
            Matcher reference = ENV_REFERENCE.matcher(text);
            if (!reference.matches()) {
                return text;
            }
            String name = reference.group(1);
            String value = environment.apply(name);
            if (value == null || value.isEmpty()) {
                throw error(field, "refers to the environment variable " + name + ", which is "
                        + (value == null ? "not set" : "empty"));
            }
            return value;
        }
    }
}
