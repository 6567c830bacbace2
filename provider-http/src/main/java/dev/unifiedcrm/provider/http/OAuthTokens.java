package dev.unifiedcrm.provider.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.JWTBearerGrant;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;
import com.nimbusds.oauth2.sdk.util.JSONObjectUtils;
import dev.unifiedcrm.domain.AnsweredProviderFailure;
import dev.unifiedcrm.domain.Delivery;
import dev.unifiedcrm.domain.IntegratedAccount;
import dev.unifiedcrm.domain.IntegratedAccountId;
import dev.unifiedcrm.domain.Integration;
import dev.unifiedcrm.domain.ProviderAnswer;
import dev.unifiedcrm.domain.ProviderCall;
import dev.unifiedcrm.domain.ProviderContractBreach;
import dev.unifiedcrm.domain.ProviderFailure;
import dev.unifiedcrm.domain.ProviderRejection;
import dev.unifiedcrm.domain.ProviderTimeout;
import dev.unifiedcrm.domain.ProviderUnreachable;
import dev.unifiedcrm.domain.RemoteBody;
import dev.unifiedcrm.domain.TokenRequestThrottled;
import dev.unifiedcrm.domain.spi.AdapterSettings;
import dev.unifiedcrm.domain.spi.CredentialSet;
import dev.unifiedcrm.domain.spi.InvalidAccountException;
import dev.unifiedcrm.domain.spi.TokenRequestListener;
import dev.unifiedcrm.domain.spi.TokenRequestListener.Outcome;
import feign.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The access tokens of one adapter's accounts: obtained from each account's OAuth 2.0 token endpoint
 * at its first call (never at start), kept in memory, renewed before they expire, and dropped when
 * the provider says a token is expired or invalid. Grants: client credentials, refresh token (a new
 * refresh token in an answer replaces the old one, in memory and in the credential store) and JWT
 * bearer (an RS256 assertion signed with the account's PKCS#8 key). Token requests and answers are
 * Nimbus OAuth 2.0 SDK objects; the requests travel through the adapter's {@link ProviderHttp}, so
 * they have its deadline, no redirects and the sent / not-sent rule.
 *
 * <ul>
 *   <li>A token is used until 60 s before its {@code expires_in} (half its lifetime when that is
 *       under 120 s); when the answer gives no lifetime, the endpoint's default lifetime counts
 *       instead, and without one the token is used until the provider rejects it.</li>
 *   <li>One token request per account at a time: other calls wait for it, each within its own deadline.</li>
 *   <li>A refused grant (a 4xx, or a 2xx carrying an OAuth {@code error}) is a 401
 *       {@link ProviderRejection} naming the account, with the endpoint's body masked; the endpoint
 *       is not asked again for 60 s and calls in between get the same failure at once.</li>
 *   <li>A 429 is {@link TokenRequestThrottled}; a 5xx a rejection with that status (retried by the
 *       caller's rules); a timeout or broken connection a failure whose lead exchange was not sent.</li>
 *   <li>A provider whose token endpoint differs from plain OAuth 2.0 says how through its
 *       {@link TokenEndpoint.Quirks}: a budget of token requests (a request over it is not sent), and
 *       its own reading of answers. A throttling answer read there pauses the account's token requests
 *       for its retry-after, as a refusal does for 60 s.</li>
 * </ul>
 *
 * <p>Thread-safe; create one per adapter, in {@code CrmAdapterProvider.create}. Static sets of one key
 * need no token endpoint: that key's value is the token.
 */
public final class OAuthTokens {

    /** How long before its expiry a token is renewed. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(60);
    /** How long a refused grant is answered from memory before the endpoint is asked again. */
    static final Duration REFUSAL_PAUSE = Duration.ofSeconds(60);
    /** The lifetime of a JWT bearer assertion. */
    static final Duration ASSERTION_LIFETIME = Duration.ofSeconds(180);

    private static final Logger LOG = LoggerFactory.getLogger(OAuthTokens.class);
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final String WHAT = "the token request";

    private final ProviderHttp http;
    private final Integration integration;
    private final List<CredentialSet> sets;
    private final Function<IntegratedAccount, TokenEndpoint> endpoints;
    private final AdapterSettings settings;
    private final TokenAnswerListener answers;
    private final Clock clock;
    private final Map<IntegratedAccountId, AccountTokens> accounts = new ConcurrentHashMap<>();

    /**
     * @param http        the adapter's HTTP side (its client, deadline and body limit serve token requests too)
     * @param integration the integration, for metrics and the log
     * @param sets        the adapter's credential sets (the account's keys pick one)
     * @param endpoints   the token endpoint of an account with an OAuth set: its {@code token_url}, else derived
     * @param settings    the clock, credential store and token-request listener
     */
    public OAuthTokens(ProviderHttp http, Integration integration, List<CredentialSet> sets,
                       Function<IntegratedAccount, TokenEndpoint> endpoints, AdapterSettings settings) {
        this(http, integration, sets, endpoints, settings, TokenAnswerListener.NONE);
    }

    /**
     * As {@link #OAuthTokens(ProviderHttp, Integration, List, Function, AdapterSettings)}, telling
     * {@code answers} of each token answer that issued a token (its secrets masked).
     */
    public OAuthTokens(ProviderHttp http, Integration integration, List<CredentialSet> sets,
                       Function<IntegratedAccount, TokenEndpoint> endpoints, AdapterSettings settings,
                       TokenAnswerListener answers) {
        this.answers = Objects.requireNonNull(answers, "answers");
        this.http = Objects.requireNonNull(http, "http");
        this.integration = Objects.requireNonNull(integration, "integration");
        this.sets = List.copyOf(sets);
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = settings.clock();
    }

    /**
     * Runs one exchange with the account's access token. When the answer (a failure, or a 2xx) is what
     * {@code tokenRejected} calls "token expired or invalid" and the account's set is OAuth, the token is
     * dropped, a new one is obtained once and the exchange is repeated once; a second such answer is the
     * answer (the failure, or the 2xx for the adapter to read). The
     * time for the token request and both exchanges comes out of the call's timeout.
     *
     * @param tokenRejected which answers, failed or 2xx, mean "token expired or invalid" (often: status 401)
     * @throws ProviderFailure what the token request or the exchange amounted to
     */
    public ProviderAnswer exchange(ProviderCall call, String what, AuthorizedExchange exchange,
                                   ErrorAnswerDecoder errors, Predicate<ProviderAnswer> tokenRejected) {
        long started = System.nanoTime();
        String token = accessToken(call);
        try {
            ProviderAnswer answer = http.exchange(remaining(call, started), what, request -> exchange.send(request, token), errors);
            // Some providers say "token expired" inside a 2xx body.
            if (!isOAuth(call.account()) || !tokenRejected.test(answer)) {
                return answer;
            }
        } catch (AnsweredProviderFailure failure) {
            if (!isOAuth(call.account()) || !tokenRejected.test(failure.providerAnswer())) {
                throw failure;
            }
        }
        drop(call.account(), token);
        String renewed = accessToken(remaining(call, started));
        return http.exchange(remaining(call, started), what, request -> exchange.send(request, renewed), errors);
    }

    /**
     * The account's access token: the cached one while it is fresh, else a new one from the token
     * endpoint within the call's timeout. For a static set of one key, that key's value.
     *
     * @throws ProviderFailure the token endpoint's failure (see the class description)
     */
    public String accessToken(ProviderCall call) {
        IntegratedAccount account = call.account();
        CredentialSet set = setOf(account);
        if (!set.grant().isOAuth()) {
            if (set.keys().size() != 1) {
                throw new IllegalStateException("a static set of several keys has no single token");
            }
            return account.credentials().require(set.keys().iterator().next());
        }
        AccountTokens tokens = accounts.computeIfAbsent(account.id(), id -> new AccountTokens());
        Optional<String> fresh = tokens.fresh(clock.instant());
        if (fresh.isPresent()) {
            return fresh.get();
        }
        tokens.throwIfPaused(clock.instant());
        long started = System.nanoTime();
        boolean locked;
        try {
            locked = tokens.lock.tryLock(call.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw new ProviderTimeout("the access token of integrated account " + account.id() + " for "
                    + http.provider() + " did not come within " + call.timeout().toMillis() + " ms; nothing was sent",
                    Delivery.NOT_SENT, null);
        }
        try {
            // Another call may have fetched a token, or been refused, while this one waited.
            fresh = tokens.fresh(clock.instant());
            if (fresh.isPresent()) {
                return fresh.get();
            }
            tokens.throwIfPaused(clock.instant());
            return fetch(account, set, tokens, remaining(call, started).timeout());
        } finally {
            tokens.lock.unlock();
        }
    }

    /** Forgets the account's token if it is still {@code stale}, so that the next call obtains a new one. */
    public void drop(IntegratedAccount account, String stale) {
        AccountTokens tokens = accounts.get(account.id());
        if (tokens != null) {
            tokens.dropIf(stale);
        }
    }

    /** Whether the account's credential set is an OAuth grant (its tokens expire and are renewed here). */
    public boolean isOAuth(IntegratedAccount account) {
        return setOf(account).grant().isOAuth();
    }

    /**
     * Checks a PKCS#8 PEM RSA key of at least 2048 bits, for an adapter's account checks.
     *
     * @throws InvalidAccountException naming {@code credentials.private_key}, never showing the key
     */
    public static void checkPrivateKey(String pem) {
        RSAPrivateKey key;
        try {
            key = privateKey(pem);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidAccountException("credentials.private_key", "credentials.private_key must be an RSA key"
                    + " in PKCS#8 PEM form (-----BEGIN PRIVATE KEY-----)");
        }
        if (key.getModulus().bitLength() < 2048) {
            throw new InvalidAccountException("credentials.private_key", "credentials.private_key must be an RSA key"
                    + " of at least 2048 bits");
        }
    }

    private CredentialSet setOf(IntegratedAccount account) {
        return CredentialSet.pick(sets, account.credentials()).orElseThrow(() -> new IllegalStateException(
                "the credentials of integrated account " + account.id() + " match none of " + integration + "'s sets"));
    }

    private String fetch(IntegratedAccount account, CredentialSet set, AccountTokens tokens, Duration timeout) {
        TokenEndpoint endpoint = endpoints.apply(account);
        Optional<TokenAnswer.Throttled> heldBack = endpoint.quirks().holdBack();
        if (heldBack.isPresent()) {
            // Not sent, so not a token request the listener counts.
            throw new TokenRequestThrottled(heldBack.get().message(), heldBack.get().retryAfter());
        }
        ProviderAnswer answer;
        try {
            answer = http.send(request(account, set, endpoint, tokens), timeout, WHAT);
        } catch (ProviderContractBreach breach) {
            throw counted(account, Outcome.FAILED, breach);
        } catch (ProviderTimeout timedOut) {
            // Only the token request may have gone out: the lead exchange was not sent.
            throw counted(account, Outcome.FAILED, new ProviderTimeout(timedOut.getMessage()
                    + " (the call itself was not sent)", Delivery.NOT_SENT, null));
        } catch (ProviderUnreachable unreachable) {
            throw counted(account, Outcome.FAILED, new ProviderUnreachable(unreachable.getMessage()
                    + " (the call itself was not sent)", Delivery.NOT_SENT, null));
        }
        return judge(account, endpoint, tokens, answer);
    }

    private String judge(IntegratedAccount account, TokenEndpoint endpoint, AccountTokens tokens, ProviderAnswer answer) {
        int status = answer.status();
        Object body = answer.parsedBody() instanceof RemoteBody.Json json ? json.value() : null;
        if (status == 429) {
            long seconds = answer.header("retry-after").filter(v -> v.matches("[0-9]{1,9}"))
                    .map(Long::parseLong).filter(s -> s > 0).orElse(1L);
            throw counted(account, Outcome.THROTTLED, new TokenRequestThrottled(http.provider()
                    + "'s token endpoint is throttling token requests for integrated account " + account.id()
                    + "; retry after " + seconds + " s", Duration.ofSeconds(seconds)));
        }
        if (status >= 500) {
            throw counted(account, Outcome.FAILED, new ProviderRejection(masked(answer, status), "the token endpoint of "
                    + http.provider() + " answered " + status + " for integrated account " + account.id(), null, null, false));
        }
        if (status >= 300 && status < 400) {
            throw counted(account, Outcome.FAILED, new ProviderContractBreach(ProviderContractBreach.Kind.REDIRECT,
                    masked(answer, status), "its token endpoint answered with a redirect (" + status + "), which is never followed"));
        }
        TokenAnswer reading = endpoint.quirks().read(answer).orElseGet(() -> standard(account, endpoint, answer, body));
        if (reading instanceof TokenAnswer.Refused refusal) {
            throw refused(account, tokens, answer, refusal);
        }
        if (reading instanceof TokenAnswer.Throttled throttled) {
            var failure = new TokenRequestThrottled(throttled.message(), throttled.retryAfter());
            tokens.pause(failure, clock.instant().plus(throttled.retryAfter()));
            LOG.warn("{} is throttling token requests of integrated account {}; not asked again for {} s",
                    http.provider(), account.id(), throttled.retryAfter().toSeconds());
            throw counted(account, Outcome.THROTTLED, failure);
        }
        var issued = (TokenAnswer.Issued) reading;
        Optional<Duration> lifetime = issued.lifetime().or(endpoint::defaultLifetime);
        tokens.keep(issued.accessToken(), lifetime.map(life -> clock.instant().plus(usableFor(life))).orElse(null));
        issued.refreshToken().filter(rotated -> !rotated.equals(tokens.refreshToken))
                .ifPresent(rotated -> rotate(account, tokens, rotated));
        settings.tokenRequests().tokenRequested(integration, account.id(), Outcome.ISSUED);
        LOG.info("obtained a new access token for integrated account {} ({})", account.id(), integration);
        @SuppressWarnings("unchecked")
        var fields = body instanceof Map<?, ?> ? (Map<String, Object>) SecretMasking.mask(body) : Map.<String, Object>of();
        answers.tokenIssued(account, Collections.unmodifiableMap(fields));
        return issued.accessToken();
    }

    /** The plain OAuth 2.0 reading of an answer that is neither a 3xx, a 429 nor a 5xx. */
    private TokenAnswer standard(IntegratedAccount account, TokenEndpoint endpoint, ProviderAnswer answer, Object body) {
        int status = answer.status();
        Map<?, ?> object = body instanceof Map<?, ?> map ? map : null;
        if (status >= 400 || (object != null && object.get("error") != null)) {
            return object == null ? new TokenAnswer.Refused(Optional.empty(), Optional.empty())
                    : new TokenAnswer.Refused(text(object.get("error")), text(object.get("error_description")));
        }
        if (!(status >= 200 && status < 300) || object == null) {
            throw counted(account, Outcome.FAILED, new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY,
                    masked(answer, status), "its token endpoint answered " + status + " without a JSON token object"));
        }
        if (endpoint.lifetimeRequired() && !isLifetime(((Map<?, ?>) body).get("expires_in"))) {
            throw counted(account, Outcome.FAILED, new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY,
                    masked(answer, status), "its token endpoint answered " + status + " without a usable expires_in"
                    + " (a whole number of seconds from 1 to " + TokenEndpoint.LONGEST_LIFETIME_SECONDS + ")"));
        }
        Tokens issued;
        try {
            issued = AccessTokenResponse.parse(JSONObjectUtils.parse(new String(answer.body(), StandardCharsets.UTF_8)))
                    .getTokens();
        } catch (ParseException e) {
            throw counted(account, Outcome.FAILED, new ProviderContractBreach(ProviderContractBreach.Kind.UNEXPECTED_BODY,
                    masked(answer, status), "its token endpoint answered " + status + " with a body that is not an"
                    + " OAuth 2.0 token answer (an access_token and token_type are required)"));
        }
        long lifetime = issued.getAccessToken().getLifetime();
        return new TokenAnswer.Issued(issued.getAccessToken().getValue(),
                lifetime > 0 ? Optional.of(Duration.ofSeconds(lifetime)) : Optional.empty(),
                Optional.ofNullable(issued.getRefreshToken()).map(RefreshToken::getValue));
    }

    /** A whole, positive number of seconds as a JSON number or digits, no longer than the endpoint allows. */
    private static boolean isLifetime(Object expiresIn) {
        BigDecimal seconds;
        if (expiresIn instanceof String digits && digits.matches("[0-9]{1,10}")) {
            seconds = new BigDecimal(digits);
        } else if (expiresIn instanceof Number number) {
            seconds = new BigDecimal(number.toString());
        } else {
            return false;
        }
        return seconds.signum() > 0 && seconds.stripTrailingZeros().scale() <= 0
                && seconds.compareTo(BigDecimal.valueOf(TokenEndpoint.LONGEST_LIFETIME_SECONDS)) <= 0;
    }

    /** Renewed 60 s before expiry; a short-lived token (under 120 s) at half its lifetime. */
    static Duration usableFor(Duration lifetime) {
        return lifetime.compareTo(RENEWAL_MARGIN.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : lifetime.minus(RENEWAL_MARGIN);
    }

    private void rotate(IntegratedAccount account, AccountTokens tokens, String refreshToken) {
        tokens.refreshToken = refreshToken;
        try {
            settings.credentialStore().saveRefreshToken(account.id(), refreshToken);
        } catch (UncheckedIOException e) {
            LOG.warn("could not keep the new refresh token of integrated account {} in the credential store ({});"
                    + " it is kept in memory only", account.id(), e.getMessage());
        }
    }

    private ProviderRejection refused(IntegratedAccount account, AccountTokens tokens, ProviderAnswer answer,
                                      TokenAnswer.Refused refusal) {
        String description = refusal.description().or(refusal::error).orElse(null);
        String message = http.provider() + " refused the credentials of integrated account " + account.id()
                + "; the account must be connected again" + (description == null ? "." : ": " + description);
        String code = refusal.error().orElse(null);
        // Answering a step before the call, not the call: never passed on as the provider's raw answer.
        var rejection = new ProviderRejection(masked(answer, 401), message, code, null, false).answeringACheck();
        tokens.pause(rejection, clock.instant().plus(REFUSAL_PAUSE));
        settings.tokenRequests().tokenRequested(integration, account.id(), Outcome.REFUSED);
        LOG.warn("{} refused the credentials of integrated account {} ({}); not asked again for {} s",
                http.provider(), account.id(), code == null ? "no error code" : code, REFUSAL_PAUSE.toSeconds());
        return rejection;
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    private <T extends ProviderFailure> T counted(IntegratedAccount account, Outcome outcome, T failure) {
        settings.tokenRequests().tokenRequested(integration, account.id(), outcome);
        return failure;
    }

    /** The token endpoint's answer with every token and secret masked, as the status the caller shows. */
    private static ProviderAnswer masked(ProviderAnswer answer, int status) {
        if (!(answer.parsedBody() instanceof RemoteBody.Json json)) {
            return new ProviderAnswer(status, Map.of(), answer.contentType(), answer.body(), answer.parsedBody());
        }
        Object tree = SecretMasking.mask(json.value());
        byte[] bytes;
        try {
            bytes = JSON.writeValueAsBytes(tree);
        } catch (JsonProcessingException e) {
            bytes = new byte[0];
        }
        return new ProviderAnswer(status, Map.of(), "application/json", bytes, new RemoteBody.Json(tree));
    }

    private Request request(IntegratedAccount account, CredentialSet set, TokenEndpoint endpoint, AccountTokens tokens) {
        var credentials = account.credentials();
        Scope scope = endpoint.scope().map(Scope::parse).orElse(null);
        TokenRequest.Builder builder = switch (set.grant()) {
            case CLIENT_CREDENTIALS -> new TokenRequest.Builder(endpoint.uri(), clientAuthentication(account, endpoint),
                    new ClientCredentialsGrant());
            case REFRESH_TOKEN -> new TokenRequest.Builder(endpoint.uri(), clientAuthentication(account, endpoint),
                    new RefreshTokenGrant(new RefreshToken(tokens.refreshToken(account, settings))));
            // The assertion authenticates the client: no client_id or secret goes with it.
            case JWT_BEARER -> new TokenRequest.Builder(endpoint.uri(), assertion(credentials.require("client_id"),
                    credentials.require("username"), credentials.require("private_key"), endpoint));
            case STATIC -> throw new IllegalStateException("a static set has no token request");
        };
        TokenRequest tokenRequest = builder.scope(scope).build();
        HTTPRequest httpRequest = tokenRequest.toHTTPRequest();
        var headers = new LinkedHashMap<String, java.util.Collection<String>>();
        httpRequest.getHeaderMap().forEach(headers::put);
        headers.put("Accept", List.of("application/json"));
        return Request.create(Request.HttpMethod.POST, httpRequest.getURL().toString(), headers,
                httpRequest.getBody().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8, null);
    }

    private static ClientAuthentication clientAuthentication(IntegratedAccount account, TokenEndpoint endpoint) {
        var id = new ClientID(account.credentials().require("client_id"));
        var secret = new Secret(account.credentials().require("client_secret"));
        return endpoint.clientAuthentication() == TokenEndpoint.ClientAuthentication.BASIC
                ? new ClientSecretBasic(id, secret) : new ClientSecretPost(id, secret);
    }

    private AuthorizationGrant assertion(String clientId, String username, String pem, TokenEndpoint endpoint) {
        Instant now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(username)
                .audience(endpoint.assertionAudience().orElseThrow(() ->
                        new IllegalStateException("a JWT bearer grant needs an assertion audience")))
                .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
                .build();
        try {
            var jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
            jwt.sign(new RSASSASigner(privateKey(pem)));
            return new JWTBearerGrant(jwt);
        } catch (JOSEException | GeneralSecurityException e) {
            // The key was checked at start; the message never holds key material.
            throw new IllegalStateException("could not sign the JWT bearer assertion for " + integration, e);
        }
    }

    static RSAPrivateKey privateKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        if (!pem.contains("-----BEGIN PRIVATE KEY-----") || base64.isEmpty()) {
            throw new IllegalArgumentException("not a PKCS#8 PEM key");
        }
        byte[] der = Base64.getDecoder().decode(base64);
        return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static ProviderCall remaining(ProviderCall call, long startedNanos) {
        Duration left = call.timeout().minusNanos(System.nanoTime() - startedNanos);
        if (left.isZero() || left.isNegative()) {
            throw new ProviderTimeout("no time was left for the call after obtaining an access token; nothing was sent",
                    Delivery.NOT_SENT, null);
        }
        return new ProviderCall(call.account(), call.leadId(), call.remoteQuery(), left);
    }

    /** One account's token state. The lock serialises token requests; reads of the fields need none. */
    private static final class AccountTokens {
        final ReentrantLock lock = new ReentrantLock();
        private volatile Cached cached;
        private volatile Pause pause;
        volatile String refreshToken;

        private record Cached(String token, Instant renewAt) {
        }

        /** A refused grant or a throttling answer, given again to calls until {@code until}. */
        private record Pause(ProviderFailure failure, Instant until) {
        }

        Optional<String> fresh(Instant now) {
            Cached current = cached;
            return current != null && (current.renewAt() == null || now.isBefore(current.renewAt()))
                    ? Optional.of(current.token()) : Optional.empty();
        }

        void keep(String token, Instant renewAt) {
            cached = new Cached(token, renewAt);
            pause = null;
        }

        void dropIf(String stale) {
            Cached current = cached;
            if (current != null && current.token().equals(stale)) {
                cached = null;
            }
        }

        void pause(ProviderFailure failure, Instant until) {
            cached = null;
            pause = new Pause(failure, until);
        }

        void throwIfPaused(Instant now) {
            Pause current = pause;
            if (current == null || !now.isBefore(current.until())) {
                return;
            }
            if (current.failure() instanceof TokenRequestThrottled throttled) {
                // The wait that is left, in whole seconds rounded up.
                Duration left = Duration.between(now, current.until());
                long seconds = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
                throw new TokenRequestThrottled(throttled.getMessage(), Duration.ofSeconds(seconds));
            }
            throw current.failure();
        }

        /** The newest refresh token: rotated in this process, else the credential store's, else the configuration's. */
        String refreshToken(IntegratedAccount account, AdapterSettings settings) {
            if (refreshToken == null) {
                refreshToken = settings.credentialStore().refreshToken(account.id())
                        .orElseGet(() -> account.credentials().require("refresh_token"));
            }
            return refreshToken;
        }
    }
}
