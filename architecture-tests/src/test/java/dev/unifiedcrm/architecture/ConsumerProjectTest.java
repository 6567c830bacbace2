package dev.unifiedcrm.architecture;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's project, built by Maven as a user would: it imports the BOM and depends on one adapter and
 * {@code resilience}, without a single version of its own. Its run-time class path must hold exactly
 * the library versions this build tests with, and no MapStruct.
 *
 * <p>Our artifacts are laid out in a private repository under {@code target/} (never the user's
 * {@code ~/.m2}); everything else is read from the build's own local repository, which Maven chains
 * behind it read-only ({@code maven.repo.local.tail}), so the check runs offline when the build does.
 */
class ConsumerProjectTest {

    private static final List<String> LIBRARY_MODULES = List.of("domain", "application", "resilience",
            "provider-http", "shared-state-redis", "adapters-insightly", "adapters-pipeliner", "adapters-zendesk-sell");

    private static final Path ROOT = Path.of(System.getProperty("unifiedcrm.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("unifiedcrm.version", "0.1.0");
    private static final Path WORK = Path.of("target", "consumer-project").toAbsolutePath();

    private static Map<String, String> resolved;

    @BeforeAll
    static void buildTheConsumerProject() throws Exception {
        deleteRecursively(WORK);
        Path repository = WORK.resolve("repository");
        install(repository, "unified-crm-parent", ROOT.resolve("pom.xml"), null);
        install(repository, "unified-crm-bom", ROOT.resolve("bom/pom.xml"), null);
        for (String module : LIBRARY_MODULES) {
            Path jar = ROOT.resolve(module).resolve("target").resolve(module + "-" + VERSION + ".jar");
            assertThat(jar).as("the %s jar, packaged earlier in the same build (./mvnw -B verify)", module).isRegularFile();
            install(repository, module, ROOT.resolve(module).resolve("pom.xml"), jar);
        }
        Path pom = Files.writeString(WORK.resolve("pom.xml"), consumerPom(), StandardCharsets.UTF_8);
        resolved = runtimeDependencies(pom, repository);
    }

    @Test
    void theUsersRuntimeClassPathHoldsTheVersionsWeTestWith() throws Exception {
        Map<String, String> ours = versionsOnOurTestClassPath();
        var thirdParty = new TreeMap<String, String>();
        resolved.forEach((artifact, version) -> {
            if (!artifact.startsWith("dev.unifiedcrm:")) {
                thirdParty.put(artifact, version);
            }
        });

        assertThat(thirdParty).containsKeys("io.github.openfeign:feign-core", "com.squareup.okhttp3:okhttp",
                "com.squareup.okio:okio-jvm", "org.jetbrains.kotlin:kotlin-stdlib",
                "com.fasterxml.jackson.core:jackson-databind", "dev.failsafe:failsafe", "com.bucket4j:bucket4j_jdk17-core");
        thirdParty.forEach((artifact, version) -> assertThat(ours.get(artifact))
                .as("the version of %s that this build tests with (the user resolved %s)", artifact, version)
                .isEqualTo(version));
    }

    @Test
    void oneKotlinVersionAndNoMapStructAtRunTime() {
        assertThat(resolved.keySet()).noneMatch(artifact -> artifact.startsWith("org.mapstruct:"));
        String kotlin = resolved.get("org.jetbrains.kotlin:kotlin-stdlib");
        resolved.forEach((artifact, version) -> {
            if (artifact.startsWith("org.jetbrains.kotlin:")) {
                assertThat(version).as(artifact).isEqualTo(kotlin);
            }
        });
        assertThat(resolved).containsKeys("dev.unifiedcrm:adapters-zendesk-sell", "dev.unifiedcrm:resilience",
                "dev.unifiedcrm:application", "dev.unifiedcrm:domain");
    }

    private static String consumerPom() {
        return """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>com.example</groupId>
                  <artifactId>lead-cleanup</artifactId>
                  <version>1.0</version>
                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>dev.unifiedcrm</groupId>
                        <artifactId>unified-crm-bom</artifactId>
                        <version>%s</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>
                  <dependencies>
                    <dependency>
                      <groupId>dev.unifiedcrm</groupId>
                      <artifactId>resilience</artifactId>
                    </dependency>
                    <dependency>
                      <groupId>dev.unifiedcrm</groupId>
                      <artifactId>adapters-zendesk-sell</artifactId>
                    </dependency>
                  </dependencies>
                </project>
                """.formatted(VERSION);
    }

    /** What {@code mvn install} would leave in a local repository: the POM, and the jar when there is one. */
    private static void install(Path repository, String artifactId, Path pom, Path jar) throws IOException {
        Path folder = repository.resolve("dev/unifiedcrm").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(folder);
        Files.copy(pom, folder.resolve(artifactId + "-" + VERSION + ".pom"), StandardCopyOption.REPLACE_EXISTING);
        if (jar != null) {
            Files.copy(jar, folder.resolve(artifactId + "-" + VERSION + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** {@code groupId:artifactId} to version, for every run-time dependency of the consumer. */
    private static Map<String, String> runtimeDependencies(Path pom, Path repository) throws Exception {
        Path list = WORK.resolve("dependencies.txt");
        String maven = Path.of(System.getProperty("maven.home")).resolve("bin").resolve("mvn").toString();
        var command = new ArrayList<>(List.of(maven, "-B", "-q", "-f", pom.toString(),
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + System.getProperty("unifiedcrm.build.repository"),
                "org.apache.maven.plugins:maven-dependency-plugin:" + System.getProperty("unifiedcrm.dependency-plugin.version")
                        + ":list",
                "-DincludeScope=runtime", "-DoutputFile=" + list));
        if ("offline=true".equals(System.getProperty("unifiedcrm.build.offline"))) {
            command.add(1, "-o");
        }
        Path output = WORK.resolve("maven-output.txt");
        Process build = new ProcessBuilder(command).directory(WORK.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(build.waitFor(5, TimeUnit.MINUTES)).as("Maven finished within 5 minutes").isTrue();
        assertThat(build.exitValue()).as("Maven's exit status; its output:%n%s", Files.readString(output)).isZero();

        var dependencies = new LinkedHashMap<String, String>();
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String coordinates = line.strip().split(" ", 2)[0];
            String[] parts = coordinates.split(":");
            if (line.startsWith("   ") && (parts.length == 5 || parts.length == 6)) {
                dependencies.put(parts[0] + ":" + parts[1], parts[parts.length - 2]);
            }
        }
        assertThat(dependencies).as("dependencies listed in %s", list).isNotEmpty();
        return dependencies;
    }

    /** {@code groupId:artifactId} to version, for every jar from the local repository on this test's class path. */
    private static Map<String, String> versionsOnOurTestClassPath() {
        Path repository = Path.of(System.getProperty("unifiedcrm.build.repository")).toAbsolutePath().normalize();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        var versions = new LinkedHashMap<String, String>();
        for (String entry : classPath.split(File.pathSeparator)) {
            Path jar = Path.of(entry).toAbsolutePath().normalize();
            if (!jar.startsWith(repository) || !jar.toString().endsWith(".jar")) {
                continue;
            }
            Path relative = repository.relativize(jar);
            int names = relative.getNameCount();
            String group = relative.subpath(0, names - 3).toString().replace(File.separatorChar, '.');
            versions.put(group + ":" + relative.getName(names - 3), relative.getName(names - 2).toString());
        }
        return versions;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
