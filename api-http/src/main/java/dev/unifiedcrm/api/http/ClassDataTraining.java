package dev.unifiedcrm.api.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run behind the service's class-data archive: the build runs the jar once with this
 * main class under {@code -XX:ArchiveClassesAtExit}, so that the classes a real start and the first
 * requests load are archived, and later starts map them instead of loading and verifying them again.
 *
 * <p>It starts the sandbox on a free loopback port, sends each delete the sandbox banner suggests
 * (twice: the second finds the lead gone, so error answers are exercised too), the other routes and
 * a few refusals, then stops. Exits 0 even when a request goes wrong: the archive then holds fewer
 * classes, which only makes starts slower, and a build must not fail for it; what went wrong is printed.
 */
public final class ClassDataTraining {

    /** In the banner: {@code curl ... -H 'Authorization: Bearer TOKEN' \} then {@code 'URL'} on the next line. */
    private static final Pattern BANNER_COMMAND = Pattern.compile(
            "curl -s -i -X DELETE -H 'Authorization: Bearer ([^']+)' \\\\\\R\\s*'([^']+)'");

    private ClassDataTraining() {
    }

    /** What one training run did. */
    record Report(int requests, List<String> problems) {
        Report {
            problems = List.copyOf(problems);
        }
    }

    public static void main(String[] args) {
        Report report = run(System.err);
        System.err.println("class-data training: " + report.requests() + " requests"
                + (report.problems().isEmpty() ? ", all answered as expected" : "; problems: " + report.problems()));
        System.err.flush();
        // The archive is written as the JVM exits; exit now rather than wait for any lingering non-daemon thread.
        System.exit(0);
    }

    /** Starts the sandbox, exercises it, stops it. Service logs go where the service sends them; the banner to {@code log}. */
    static Report run(PrintStream log) {
        var banner = new ByteArrayOutputStream();
        var problems = new ArrayList<String>();
        Launcher.Outcome outcome = Launcher.launch(new String[] {"--sandbox", "--port", "0"},
                new PrintStream(banner, true, StandardCharsets.UTF_8), log, name -> null, name -> null);
        if (outcome.service().isEmpty()) {
            return new Report(0, List.of("the sandbox did not start (exit status " + outcome.exitCode() + ")"));
        }
        RunningService service = outcome.service().get();
        int requests = 0;
        try {
            String base = "http://127.0.0.1:" + service.port();
            Matcher commands = BANNER_COMMAND.matcher(banner.toString(StandardCharsets.UTF_8));
            String token = null;
            while (commands.find()) {
                token = commands.group(1);
                URI delete = URI.create(commands.group(2).replaceFirst("^http://[^/]+", base));
                // The banner's examples include refusals on purpose (a bad id, a lead on another board):
                // any answer but a server error will do, and the replay finds deleted leads gone.
                requests += expect(problems, "DELETE", delete, token, 200, 204, 400, 404);
                requests += expect(problems, "DELETE", delete, token, 400, 404);
            }
            if (token == null) {
                problems.add("the sandbox banner held no delete command to replay");
                token = "";
            }
            requests += expect(problems, "GET", URI.create(base + "/health"), null, 200);
            requests += expect(problems, "GET", URI.create(base + "/openapi.json"), null, 200);
            requests += expect(problems, "GET", URI.create(base + "/metrics"), token, 200);
            requests += expect(problems, "DELETE", URI.create(base + "/unified/crm/leads/1?integrated_account_id=x"), token, 400);
            requests += expect(problems, "DELETE", URI.create(base + "/unified/crm/leads/1"), "not-a-token", 401);
            requests += expect(problems, "GET", URI.create(base + "/nowhere"), null, 404);
        } finally {
            service.stop();
        }
        return new Report(requests, problems);
    }

    private static int expect(List<String> problems, String method, URI uri, String token, int... statuses) {
        try {
            var connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setRequestMethod(method);
            connection.setConnectTimeout(10_000);
            connection.setReadTimeout(30_000);
            if (token != null) {
                connection.setRequestProperty("Authorization", "Bearer " + token);
            }
            int status = connection.getResponseCode();
            try (InputStream body = status >= 400 ? connection.getErrorStream() : connection.getInputStream()) {
                if (body != null) {
                    body.transferTo(OutputStream.nullOutputStream());
                }
            }
            for (int expected : statuses) {
                if (status == expected) {
                    return 1;
                }
            }
            problems.add(method + " " + uri.getPath() + " answered " + status + ", expected " + List.of(box(statuses)));
        } catch (IOException e) {
            problems.add(method + " " + uri.getPath() + " failed: " + e);
        }
        return 1;
    }

    private static Integer[] box(int[] values) {
        return java.util.Arrays.stream(values).boxed().toArray(Integer[]::new);
    }
}
