package io.praas.manager.state;

import io.praas.sdk.TypeRef;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class InvocationStateTest {

    private final ValueCodec codec = new ValueCodec(JsonMapper.builder().build(), getClass().getClassLoader());
    private final CommittedState committed = new CommittedState();

    record Point(int x, int y) {
    }

    @Test
    void writesAreVisibleToTheInvocationButNotCommittedUntilApplied() {
        committed.apply(Map.of("count", 1L));
        InvocationState invocation = new InvocationState(committed, codec);

        invocation.put("count", 2L);
        invocation.put("name", "alice");

        assertThat(invocation.get("count", Long.class)).isEqualTo(2L);
        assertThat(invocation.keys()).containsExactlyInAnyOrder("count", "name");
        assertThat(committed.read("count", Long.class, codec)).isEqualTo(1L);
        assertThat(committed.contains("name")).isFalse();

        committed.apply(invocation.writes());
        assertThat(committed.read("count", Long.class, codec)).isEqualTo(2L);
        assertThat(committed.read("name", String.class, codec)).isEqualTo("alice");
    }

    @Test
    void droppedWriteSetLeavesCommittedStateExactlyAsItWas() {
        committed.apply(Map.of("count", 5L, "keep", "me"));
        InvocationState failed = new InvocationState(committed, codec);
        failed.put("count", 6L);
        failed.remove("keep");
        failed.put("new", List.of(1, 2));

        InvocationState next = new InvocationState(committed, codec);

        assertThat(next.get("count", Long.class)).isEqualTo(5L);
        assertThat(next.get("keep", String.class)).isEqualTo("me");
        assertThat(next.keys()).containsExactlyInAnyOrder("count", "keep");
    }

    @Test
    void removalHidesTheKeyAndCommitsAsRemoval() {
        committed.apply(Map.of("gone", "soon"));
        InvocationState invocation = new InvocationState(committed, codec);

        invocation.remove("gone");

        assertThat(invocation.get("gone", String.class)).isNull();
        assertThat(invocation.contains("gone")).isFalse();
        committed.apply(invocation.writes());
        assertThat(committed.contains("gone")).isFalse();
    }

    @Test
    void valuesFromASnapshotAreDecodedWithTheTypeAskedFor() {
        committed.load(Map.of(
                "point", EncodedValue.json(Point.class.getName(), "{\"x\":1,\"y\":2}".getBytes(StandardCharsets.UTF_8)),
                "points", EncodedValue.json("java.util.ArrayList", "[{\"x\":3,\"y\":4}]".getBytes(StandardCharsets.UTF_8)),
                "raw", EncodedValue.raw(new byte[]{9, 8, 7})));
        InvocationState invocation = new InvocationState(committed, codec);

        assertThat(invocation.get("point", Point.class)).isEqualTo(new Point(1, 2));
        assertThat(invocation.get("points", new TypeRef<List<Point>>() { })).containsExactly(new Point(3, 4));
        assertThat(invocation.get("raw", byte[].class)).containsExactly(9, 8, 7);
    }

    @Test
    void liveValueIsReturnedAsTheSameObjectWithoutCopying() {
        Point point = new Point(5, 6);
        committed.apply(Map.of("point", point));
        assertThat(new InvocationState(committed, codec).get("point", Point.class)).isSameAs(point);
    }

    @Test
    void encodingForASnapshotKeepsUnreadStoredValuesAsTheyWere() {
        EncodedValue untouched = EncodedValue.json(Point.class.getName(), "{\"x\":1,\"y\":2}".getBytes(StandardCharsets.UTF_8));
        committed.load(Map.of("untouched", untouched));

        Map<String, EncodedValue> encoded = committed.encode(codec, Map.of("added", 3L));

        assertThat(encoded.get("untouched")).isSameAs(untouched);
        assertThat(new String(encoded.get("added").bytes(), StandardCharsets.UTF_8)).isEqualTo("3");
    }
}
