package dev.unifiedcrm.sharedstate.redis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisLocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"redis://localhost", "redis://127.0.0.1:6379/0", "rediss://cache.example.com:6380/3",
            "redis://:s3cret@localhost:6379/0", "redis://app:s3cret@localhost/1", "redis://[::1]:6379"})
    void acceptsRedisAndRedissUrls(String url) {
        assertThat(RedisLocation.parse(url).toString()).doesNotContain("s3cret");
    }

    @Test
    void showsThePasswordAsStars() {
        assertThat(RedisLocation.parse("redis://:s3cret@localhost:6379/2")).hasToString("redis://***@localhost:6379/2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:6379", "localhost:6379", "redis://", "redis://:s3cret@/0",
            "redis://localhost:port/0", "redis://localhost:6379/db", "redis://localhost:6379/0?x=1",
            "redis://s3cret@localhost", "redis://localhost:6379/0/1", "redis ://s3cret"})
    void refusesAnythingElseWithoutShowingThePassword(String url) {
        assertThatThrownBy(() -> RedisLocation.parse(url))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the Redis URL ")
                .message().doesNotContain("s3cret");
    }

    @Test
    void keyPrefixesAreShortAndPlain() {
        RedisSharedState.checkKeyPrefix("unified-crm:");
        RedisSharedState.checkKeyPrefix("");
        assertThatThrownBy(() -> RedisSharedState.checkKeyPrefix("a{b}:")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("A-Z a-z 0-9");
    }
}
