package dev.unifiedcrm.sharedstate.redis;

import java.util.logging.Level;
import java.util.logging.Logger;

/** Lettuce logs every reconnect attempt; the tests stop Redis on purpose and keep the build output clean. */
final class QuietLogs {

    /** Held so that the JDK does not forget the levels set here. */
    private static final Logger LETTUCE = Logger.getLogger("io.lettuce");
    private static final Logger NETTY = Logger.getLogger("io.netty");
    private static final Logger OURS = Logger.getLogger(RedisSharedState.class.getName());

    private QuietLogs() {
    }

    static void silenceLettuce() {
        LETTUCE.setLevel(Level.OFF);
        NETTY.setLevel(Level.OFF);
        OURS.setLevel(Level.OFF);
    }
}
