package dev.unifiedcrm.api.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The build's training run for the class-data archive exercises the service as it should, in process. */
class ClassDataTrainingTest {

    @Test
    void replaysEveryBannerDeleteTwiceAndTheOtherRoutesWithoutAProblem() {
        var log = new ByteArrayOutputStream();

        ClassDataTraining.Report report = ClassDataTraining.run(new PrintStream(log, true, StandardCharsets.UTF_8));

        assertThat(report.problems()).isEmpty();
        // Six fixed requests, and two per delete the banner suggests (one per simulated CRM at least).
        assertThat(report.requests()).isGreaterThanOrEqualTo(6 + 2 * 10);
        assertThat((report.requests() - 6) % 2).isZero();
    }
}
