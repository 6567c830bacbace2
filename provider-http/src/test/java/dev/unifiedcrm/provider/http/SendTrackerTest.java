package dev.unifiedcrm.provider.http;

import dev.unifiedcrm.domain.Delivery;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The sent / not-sent rule, event by event (OkHttp's events take the call, which the rule does not read). */
class SendTrackerTest {

    @Test
    void nothingWrittenIsNotSent() {
        var tracker = new SendTracker();
        tracker.connectStart(null, null, null);

        assertThat(tracker.delivery(false)).isEqualTo(Delivery.NOT_SENT);
        assertThat(tracker.delivery(true)).isEqualTo(Delivery.NOT_SENT);
        assertThat(tracker.keepAliveRace(false)).isFalse();
    }

    @Test
    void writtenOnAFreshConnectionMayHaveDelivered() {
        var tracker = new SendTracker();
        tracker.connectStart(null, null, null);
        tracker.connectionAcquired(null, null);
        tracker.requestHeadersStart(null);

        assertThat(tracker.delivery(false)).isEqualTo(Delivery.MAYBE_DELIVERED);
        assertThat(tracker.keepAliveRace(false)).isFalse();
    }

    @Test
    void writtenOnAPooledConnectionThatFailedBeforeAnyAnswerIsTheKeepAliveRace() {
        var tracker = new SendTracker();
        tracker.connectionAcquired(null, null);
        tracker.requestHeadersStart(null);

        assertThat(tracker.keepAliveRace(false)).isTrue();
        assertThat(tracker.delivery(false)).isEqualTo(Delivery.NOT_SENT);
    }

    @Test
    void aTimeoutOnAPooledConnectionMayHaveDelivered() {
        var tracker = new SendTracker();
        tracker.connectionAcquired(null, null);
        tracker.requestHeadersStart(null);

        assertThat(tracker.keepAliveRace(true)).isFalse();
        assertThat(tracker.delivery(true)).isEqualTo(Delivery.MAYBE_DELIVERED);
    }

    @Test
    void anAnswerThatStartedOnAPooledConnectionMayHaveDelivered() {
        var tracker = new SendTracker();
        tracker.connectionAcquired(null, null);
        tracker.requestHeadersStart(null);
        tracker.responseHeadersStart(null);

        assertThat(tracker.keepAliveRace(false)).isFalse();
        assertThat(tracker.delivery(false)).isEqualTo(Delivery.MAYBE_DELIVERED);
    }
}
