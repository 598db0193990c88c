package io.praas.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class ManagerPropertiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"redis://127.0.0.1:6390", "rediss://user:secret@redis.internal:6380/2", "redis://redis"})
    void snapshotRedisUrlNamingARedisServerIsAccepted(String url) {
        assertThat(bind(url).snapshotRedisUrl()).isEqualTo(URI.create(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:6379", "localhost:6379", "redis:///0", "redis:opaque"})
    void snapshotRedisUrlThatNamesNoRedisServerStopsTheManagerFromStarting(String url) {
        assertThatThrownBy(() -> bind(url))
                .rootCause()
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("praas.manager.snapshot-redis-url must be redis://host:port")
                .hasMessageContaining(url);
    }

    private static ManagerProperties bind(String snapshotRedisUrl) {
        return new Binder(new MapConfigurationPropertySource(Map.of("praas.manager.snapshot-redis-url", snapshotRedisUrl)))
                .bindOrCreate("praas.manager", ManagerProperties.class);
    }
}
