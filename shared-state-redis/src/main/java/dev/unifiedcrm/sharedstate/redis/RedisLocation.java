package dev.unifiedcrm.sharedstate.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the shared Redis is: {@code redis://[[user]:password@]host[:port][/db]}, or {@code rediss://}
 * for TLS. Checked strictly when parsed, so that a typo stops the start instead of failing at the
 * first request. {@link #toString()} and every error message leave the password out.
 */
public final class RedisLocation {

    private static final Pattern DATABASE = Pattern.compile("/?|/[0-9]{1,5}");

    private final String url;
    private final String shown;

    private RedisLocation(String url, String shown) {
        this.url = url;
        this.shown = shown;
    }

    /**
     * @throws IllegalArgumentException saying what is wrong and what is accepted, without the password
     */
    public static RedisLocation parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid("is not a valid URL");
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equals("redis") || scheme.equals("rediss"))) {
            throw invalid("must start with redis:// or rediss:// (TLS)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            // java.net.URI also lands here for a port that is not a number.
            throw invalid("must name a host and, optionally, a numeric port (redis://host:6379/0)");
        }
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw invalid("has a port that is not a number from 1 to 65535");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!DATABASE.matcher(path).matches() || (path.length() > 1 && Integer.parseInt(path.substring(1)) > 15_999)) {
            throw invalid("may end only with a database number (/0, /1, ...)");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid("must not have a query (?...) or a fragment (#...)");
        }
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && userInfo.indexOf(':') < 0) {
            throw invalid("gives credentials without a password: write redis://:password@host or redis://user:password@host");
        }
        String shown = scheme + "://" + (userInfo == null ? "" : "***@") + uri.getHost()
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + path;
        return new RedisLocation(url, shown);
    }

    /** The URL as given, password included: for the client only, never for a log line. */
    String url() {
        return url;
    }

    private static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException("the Redis URL " + problem);
    }

    /** The URL with {@code ***} in place of any credentials. */
    @Override
    public String toString() {
        return shown;
    }
}
