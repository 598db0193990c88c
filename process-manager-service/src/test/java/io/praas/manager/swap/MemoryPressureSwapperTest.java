package io.praas.manager.swap;

import io.praas.manager.process.CloudProcess;
import io.praas.manager.process.TestProcesses;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MemoryPressureSwapperTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void underPressureTheLeastRecentlyUsedProcessesGoFirst() {
        List<CloudProcess> live = List.of(
                TestProcesses.active("newest", T0.plusSeconds(40)),
                TestProcesses.active("oldest", T0),
                TestProcesses.active("middle", T0.plusSeconds(20)),
                TestProcesses.active("older", T0.plusSeconds(10)),
                TestProcesses.active("newer", T0.plusSeconds(30)));

        List<CloudProcess> victims = MemoryPressureSwapper.leastRecentlyUsed(live, 0.4, T0.plusSeconds(60));

        assertThat(victims).extracting(process -> process.key().session()).containsExactly("oldest", "older");
    }

    @Test
    void atLeastOneProcessGoesEvenWhenTheFractionRoundsToNone() {
        List<CloudProcess> live = List.of(TestProcesses.active("only", T0));
        assertThat(MemoryPressureSwapper.leastRecentlyUsed(live, 0.01, T0.plusSeconds(1))).hasSize(1);
    }

    @Test
    void nothingIsChosenWhenNoProcessIsLive() {
        assertThat(MemoryPressureSwapper.leastRecentlyUsed(List.of(), 0.1, T0)).isEmpty();
    }
}
