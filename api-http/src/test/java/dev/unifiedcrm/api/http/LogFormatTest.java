package dev.unifiedcrm.api.http;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One log format: the {@code application} module logs through {@code System.Logger}, the service
 * through SLF4J, and both reach Logback, one line per entry.
 */
class LogFormatTest {

    /** The format of the service's {@code logback.xml}. */
    private static final Pattern ENTRY = Pattern.compile(
            "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (TRACE|DEBUG|INFO |WARN |ERROR) [A-Za-z0-9$]+ - .*");
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\tat .*|\t\\.\\.\\. \\d+ more|Caused by: .*|[A-Za-z0-9_.$]+(Exception|Error)(: .*)?");

    @Test
    void systemLoggerEntriesReachLogbackWithTheirLevelAndException() {
        var logger = (Logger) LoggerFactory.getLogger("dev.unifiedcrm.application.LogFormatProbe");
        var captured = new ListAppender<ILoggingEvent>();
        captured.start();
        logger.addAppender(captured);
        logger.setAdditive(false);
        try {
            System.getLogger("dev.unifiedcrm.application.LogFormatProbe")
                    .log(System.Logger.Level.ERROR, "request_id=r1 the audit trail failed", new IllegalStateException("disk full"));
        } finally {
            logger.detachAppender(captured);
            logger.setAdditive(true);
        }

        assertThat(captured.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).isEqualTo("request_id=r1 the audit trail failed");
            assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
        });
    }

    @Test
    void theServiceLogsEveryEntryOnOneLineInOneFormat() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml", "-cp", classPath,
                TwoLoggingApis.class.getName()).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();

        List<String> lines = err.lines().toList();
        List<String> entries = lines.stream().filter(line -> ENTRY.matcher(line).matches()).toList();
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0)).contains("INFO ", "through SLF4J");
        assertThat(entries.get(1)).contains("WARN ", "through System.Logger");
        assertThat(entries.get(2)).contains("ERROR", "a failure through System.Logger");
        assertThat(lines).as("every line is an entry or part of the stack trace after one")
                .allMatch(line -> ENTRY.matcher(line).matches() || STACK_TRACE.matcher(line).matches());
        assertThat(lines).contains("java.lang.IllegalStateException: on purpose");
    }

    @Test
    void aBurstOfEntriesFasterThanStandardErrorTakesThemIsWrittenWholeBeforeTheProcessEnds() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process process = new ProcessBuilder(java, "-Dlogback.configurationFile=logback.xml", "-cp", classPath,
                ABurstOfEntries.class.getName()).start();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        List<String> entries = err.lines().filter(line -> ENTRY.matcher(line).matches()).toList();
        assertThat(entries).as("the queue holds 4096 entries: the rest waited for room, none was dropped")
                .hasSize(ABurstOfEntries.THREADS * ABurstOfEntries.PER_THREAD);
        for (int thread = 0; thread < ABurstOfEntries.THREADS; thread++) {
            String own = "entry of thread " + thread + " number ";
            assertThat(entries.stream().filter(line -> line.contains(own)).map(line -> line.substring(line.indexOf(own) + own.length())))
                    .as("thread %d's entries in the order it logged them", thread)
                    .containsExactlyElementsOf(IntStream.range(0, ABurstOfEntries.PER_THREAD).mapToObj(String::valueOf).toList());
        }
    }

    /** A process that logs through both APIs with the service's own Logback configuration, then ends as the service does. */
    public static final class TwoLoggingApis {
        public static void main(String[] args) {
            LoggerFactory.getLogger(HttpService.class).info("an entry through SLF4J");
            System.Logger application = System.getLogger("dev.unifiedcrm.application.DeleteLeadService");
            application.log(System.Logger.Level.WARNING, "an entry through System.Logger");
            application.log(System.Logger.Level.ERROR, "a failure through System.Logger", new IllegalStateException("on purpose"));
            Main.drainLogs();
        }
    }

    /** Several threads logging far more entries than the queue holds, then the service's own ending. */
    public static final class ABurstOfEntries {
        static final int THREADS = 4;
        static final int PER_THREAD = 5_000;

        public static void main(String[] args) throws InterruptedException {
            var log = LoggerFactory.getLogger(HttpService.class);
            var threads = new ArrayList<Thread>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        log.info("entry of thread {} number {}", thread, i);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread thread : threads) {
                thread.join();
            }
            Main.drainLogs();
        }
    }
}
