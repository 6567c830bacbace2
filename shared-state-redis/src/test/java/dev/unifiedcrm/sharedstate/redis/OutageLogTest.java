package dev.unifiedcrm.sharedstate.redis;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

class OutageLogTest {

    @Test
    void countsEveryFailureButLogsOneWarnLinePerQuietPeriodWithoutThePassword() {
        Logger logger = Logger.getLogger(RedisSharedState.class.getName());
        Level before = logger.getLevel();
        boolean parentHandlers = logger.getUseParentHandlers();
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.setLevel(Level.ALL);
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
        try {
            var counted = new AtomicInteger();
            var log = new OutageLog(RedisLocation.parse("redis://:hunter2-pass@127.0.0.1:6379/0"), part -> counted.incrementAndGet());

            for (int i = 0; i < 100; i++) {
                log.failed(SharedStateOutage.Part.IDEMPOTENCY, "requests with an Idempotency-Key are answered 503",
                        new IllegalStateException("connection refused"));
            }

            assertThat(counted).hasValue(100);
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("redis://***@127.0.0.1:6379/0").contains("answered 503")
                        .contains("connection refused").doesNotContain("hunter2-pass");
            });
        } finally {
            logger.removeHandler(capture);
            logger.setLevel(before);
            logger.setUseParentHandlers(parentHandlers);
        }
    }
}
