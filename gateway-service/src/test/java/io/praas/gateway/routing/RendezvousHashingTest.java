package io.praas.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RendezvousHashingTest {

    private static final int KEYS = 10_000;
    private static final List<String> THREE = List.of("http://10.0.0.1:8081", "http://10.0.0.2:8081", "http://10.0.0.3:8081");

    @Test
    void sameKeyAlwaysGetsTheSameNode() {
        for (int i = 0; i < 100; i++) {
            String key = "app/session-" + i;
            String first = owner(key, THREE);
            for (int repeat = 0; repeat < 10; repeat++) {
                assertThat(owner(key, THREE)).isEqualTo(first);
            }
        }
    }

    @Test
    void ownerDoesNotDependOnTheOrderNodesAreListed() {
        List<String> reversed = new ArrayList<>(THREE).reversed();
        for (int i = 0; i < 1_000; i++) {
            assertThat(owner("app/s" + i, reversed)).isEqualTo(owner("app/s" + i, THREE));
        }
    }

    @Test
    void tenThousandKeysSpreadEvenlyOverThreeNodes() {
        Map<String, Integer> perNode = new HashMap<>();
        for (String key : keys()) {
            perNode.merge(owner(key, THREE), 1, Integer::sum);
        }
        double third = KEYS / 3.0;
        assertThat(perNode).containsOnlyKeys(THREE);
        assertThat(perNode.values()).allSatisfy(count ->
                assertThat((double) count).isBetween(third * 0.85, third * 1.15));
    }

    @Test
    void removingANodeMovesOnlyTheKeysItOwned() {
        String removed = THREE.get(1);
        List<String> remaining = List.of(THREE.get(0), THREE.get(2));
        int moved = 0;
        for (String key : keys()) {
            String before = owner(key, THREE);
            String after = owner(key, remaining);
            if (before.equals(removed)) {
                moved++;
            } else {
                assertThat(after).as(key).isEqualTo(before);
            }
        }
        assertThat(moved).isPositive();
    }

    @Test
    void addingANodeMovesKeysOnlyToTheNewNode() {
        String added = "http://10.0.0.4:8081";
        List<String> four = new ArrayList<>(THREE);
        four.add(added);
        int moved = 0;
        for (String key : keys()) {
            String before = owner(key, THREE);
            String after = owner(key, four);
            if (!after.equals(before)) {
                assertThat(after).as(key).isEqualTo(added);
                moved++;
            }
        }
        // about a quarter of the keys belong to the new node
        assertThat(moved).isBetween((int) (KEYS / 4 * 0.85), (int) (KEYS / 4 * 1.15));
    }

    @Test
    void noNodesMeansNoOwner() {
        assertThat(RendezvousHashing.owner("app/s", List.<String>of(), Function.identity())).isEmpty();
    }

    @Test
    void similarNodeIdsStillGetUnrelatedWeights() {
        // node ids that differ in one trailing character must not correlate; FNV alone would
        Map<String, Integer> perNode = new HashMap<>();
        List<String> nodes = List.of("manager-1", "manager-2", "manager-3");
        for (String key : keys()) {
            perNode.merge(owner(key, nodes), 1, Integer::sum);
        }
        assertThat(perNode.values()).allSatisfy(count ->
                assertThat((double) count).isBetween(KEYS / 3.0 * 0.85, KEYS / 3.0 * 1.15));
    }

    private static List<String> keys() {
        List<String> keys = new ArrayList<>(KEYS);
        for (int i = 0; i < KEYS; i++) {
            keys.add("app-" + (i % 7) + "/session-" + i);
        }
        return keys;
    }

    private static String owner(String key, List<String> nodes) {
        return RendezvousHashing.owner(key, nodes, Function.identity()).orElseThrow();
    }
}
