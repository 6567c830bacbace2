package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdsTest {

    @Test
    void echoesASafeCallerValueAndReplacesAnyOther() {
        assertThat(RequestIds.accept("abc.DEF_1-2")).isEqualTo("abc.DEF_1-2");
        assertThat(RequestIds.accept("a".repeat(128))).isEqualTo("a".repeat(128));
        for (String unsafe : new String[]{null, "", "has space", "a".repeat(129), "é", "line\nbreak"}) {
            assertThat(RequestIds.accept(unsafe)).as("%s", unsafe).isNotEqualTo(unsafe).matches("[A-Za-z0-9._-]{1,128}");
        }
    }

    @Test
    void aFreshIdIsARandomUuidInLowerCaseHex() {
        String id = RequestIds.fresh();

        assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        UUID parsed = UUID.fromString(id);
        assertThat(parsed.version()).isEqualTo(4);
        assertThat(parsed.variant()).isEqualTo(2);
        assertThat(parsed.toString()).isEqualTo(id);
    }

    @Test
    void consecutiveIdsDoNotCountRequests() {
        long[] steps = new long[100];
        UUID previous = UUID.fromString(RequestIds.fresh());
        for (int i = 0; i < steps.length; i++) {
            UUID next = UUID.fromString(RequestIds.fresh());
            steps[i] = next.getLeastSignificantBits() - previous.getLeastSignificantBits();
            previous = next;
        }

        assertThat(Arrays.stream(steps).filter(step -> Math.abs(step) < 1_000_000)).as("a counter would step by 1").isEmpty();
    }

    @Test
    void freshIdsDoNotRepeatWhateverThreadMadeThem() throws Exception {
        int threads = 4;
        int perThread = 25_000;
        var pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<String>>> made = new ArrayList<>();
            Callable<List<String>> task = () -> {
                var ids = new ArrayList<String>(perThread);
                for (int i = 0; i < perThread; i++) {
                    ids.add(RequestIds.fresh());
                }
                return ids;
            };
            for (int t = 0; t < threads; t++) {
                made.add(pool.submit(task));
            }
            Set<String> distinct = new HashSet<>();
            for (var future : made) {
                distinct.addAll(future.get());
            }
            assertThat(distinct).hasSize(threads * perThread);
        } finally {
            pool.shutdownNow();
        }
    }
}
