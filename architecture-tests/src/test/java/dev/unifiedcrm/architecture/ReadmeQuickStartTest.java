package dev.unifiedcrm.architecture;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Library quick start" block, exactly as written, compiles against the modules
 * and deletes a lead at a WireMock provider, reading the outcome from the use case's result. The only change: the provider's API root points at
 * WireMock instead of Zendesk Sell.
 */
class ReadmeQuickStartTest {

    private static final Path README = Path.of("..", "README.md");
    private static final Pattern BLOCK = Pattern.compile("## Library quick start\\n.*?```java\\n(.*?)```", Pattern.DOTALL);
    private static final String SELL_API_ROOT = "\"https://api.getbase.com/v2\"";
    private static final String TOKEN = "quick-start-token";

    @TempDir
    Path work;
    private WireMockServer provider;

    @BeforeEach
    void startProvider() {
        provider = new WireMockServer(options().dynamicPort());
        provider.start();
        provider.stubFor(delete(urlEqualTo("/v2/leads/12345")).willReturn(aResponse().withStatus(204)));
    }

    @AfterEach
    void stopProvider() {
        provider.stop();
    }

    @Test
    void theQuickStartCompilesAndDeletesALead() throws Exception {
        String block = quickStartBlock();
        assertThat(block.lines().filter(line -> !line.startsWith("import ") && !line.isBlank()).count())
                .as("lines of code besides imports").isLessThanOrEqualTo(10);
        assertThat(block.split(Pattern.quote(SELL_API_ROOT), -1)).as("the API root appears once").hasSize(2);

        Path classes = compile(block.replace(SELL_API_ROOT, "\"" + provider.baseUrl() + "/v2\""));
        List<String> output = run(classes);

        assertThat(output).containsExactly("DELETED 12345");
        provider.verify(1, deleteRequestedFor(urlEqualTo("/v2/leads/12345"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
        provider.verify(1, anyRequestedFor(anyUrl()));
    }

    @Test
    void withoutTheTokenTheQuickStartSaysWhatToSet() throws Exception {
        Path classes = compile(quickStartBlock());
        var process = new ProcessBuilder(java(), "-cp", classes + File.pathSeparator + testClassPath(), "QuickStart")
                .redirectErrorStream(true);
        process.environment().remove("SELL_TOKEN");
        Process running = process.start();
        String output = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(running.exitValue()).isNotZero();
        assertThat(output).contains("IllegalStateException: Set SELL_TOKEN to a Zendesk Sell access token.")
                .doesNotContain("NullPointerException");
        provider.verify(0, anyRequestedFor(anyUrl()));
    }

    private static String quickStartBlock() throws Exception {
        Matcher block = BLOCK.matcher(Files.readString(README, StandardCharsets.UTF_8));
        assertThat(block.find()).as("README.md has a java block under '## Library quick start'").isTrue();
        return block.group(1);
    }

    /** Imports stay on top; the statements become the body of {@code main}. */
    private Path compile(String block) throws Exception {
        var imports = new StringBuilder();
        var statements = new StringBuilder();
        for (String line : block.lines().toList()) {
            (line.startsWith("import ") ? imports : statements).append(line).append('\n');
        }
        String source = imports + "\npublic final class QuickStart {\n"
                + "    public static void main(String[] args) throws Exception {\n" + statements + "    }\n}\n";
        Path sourceFile = Files.writeString(work.resolve("QuickStart.java"), source);
        Path classes = Files.createDirectory(work.resolve("classes"));

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        var diagnostics = new DiagnosticCollector<JavaFileObject>();
        try (var files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            boolean compiled = compiler.getTask(null, files, diagnostics,
                    List.of("--release", "17", "-Xlint:all", "-classpath", testClassPath(), "-d", classes.toString()),
                    null, files.getJavaFileObjects(sourceFile)).call();
            assertThat(diagnostics.getDiagnostics()).as("compiler messages for\n%s", source).isEmpty();
            assertThat(compiled).isTrue();
        }
        return classes;
    }

    /** Runs in its own JVM: the block reads its token from the environment and prints to standard output. */
    private List<String> run(Path classes) throws Exception {
        var command = new ArrayList<>(List.of(java(), "-cp", classes + File.pathSeparator + testClassPath(), "QuickStart"));
        var process = new ProcessBuilder(command).redirectError(work.resolve("stderr.txt").toFile());
        process.environment().put("SELL_TOKEN", TOKEN);
        Process running = process.start();
        String stdout = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(running.exitValue()).as("exit status; stderr: %s", Files.readString(work.resolve("stderr.txt"))).isZero();
        return stdout.lines().toList();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Surefire starts tests from a manifest-only jar: the real class path is in its own property. */
    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
