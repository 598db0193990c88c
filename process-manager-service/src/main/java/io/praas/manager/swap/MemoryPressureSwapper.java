package io.praas.manager.swap;

import io.praas.manager.ManagerProperties;
import io.praas.manager.process.CloudProcess;
import io.praas.manager.process.ProcessTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.Collection;

/**
 * When the heap stays fuller than the configured threshold after garbage collection, swaps out the
 * least recently used idle processes, a fraction of them per collection, until the pressure is
 * gone. It acts at most once per collection: the memory of swapped processes is only seen to be
 * free after the next one.
 */
@Component
public class MemoryPressureSwapper {

    private static final Logger log = LoggerFactory.getLogger(MemoryPressureSwapper.class);

    private final ProcessTable table;
    private final HeapGauge heap;
    private final ManagerProperties properties;
    private final Clock clock;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
    private final PressureTrigger trigger;

    public MemoryPressureSwapper(ProcessTable table, HeapGauge heap, ManagerProperties properties, Clock clock) {
        this.table = table;
        this.heap = heap;
        this.properties = properties;
        this.clock = clock;
        this.trigger = new PressureTrigger(properties.memoryPressureThreshold());
    }

    @Scheduled(fixedDelayString = "${praas.manager.idle-check-interval:250ms}")
    public void relievePressure() {
        HeapGauge.Reading reading = heap.lastCollection();
        if (!inFlight.isDone() || !trigger.shouldAct(reading)) {
            return;
        }
        List<CloudProcess> victims = leastRecentlyUsed(table.live(), properties.memoryPressureSwapFraction(), clock.instant());
        if (victims.isEmpty()) {
            return;
        }
        log.info("Heap {}% full after GC (threshold {}%): swapping out the {} least recently used processes",
                Math.round(reading.usedFraction() * 100), Math.round(properties.memoryPressureThreshold() * 100), victims.size());
        Set<CloudProcess> chosen = Set.copyOf(victims);
        inFlight = table.swapOutAll(chosen::contains);
    }

    /** The idle active processes used least recently, at least one and about {@code fraction} of all live ones. */
    static List<CloudProcess> leastRecentlyUsed(Collection<CloudProcess> live, double fraction, Instant now) {
        int count = Math.max(1, (int) Math.ceil(live.size() * fraction));
        return live.stream()
                .filter(process -> process.swappable(now))
                .sorted(Comparator.comparing(CloudProcess::lastActivity))
                .limit(count)
                .collect(Collectors.toList());
    }
}
