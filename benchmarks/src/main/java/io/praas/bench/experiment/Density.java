package io.praas.bench.experiment;

import io.praas.bench.driver.HeapProbe;
import io.praas.bench.env.BenchEnvironment;
import io.praas.bench.report.Results;
import io.praas.bench.report.Section;
import io.praas.bench.report.Table;
import io.praas.bench.report.TargetCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/**
 * How many idle live processes one manager holds per GiB of heap (without user state), and what a
 * swapped-out session costs: nothing in the manager, a few bytes in Redis.
 */
public final class Density implements Experiment {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final int CONCURRENCY = 32;

    private final RunMode mode;

    public Density(RunMode mode) {
        this.mode = mode;
    }

    @Override
    public String id() {
        return "density";
    }

    @Override
    public String title() {
        return "Density";
    }

    @Override
    public void run(BenchEnvironment env, Results results) {
        int processes = mode.pick(100_000, 2_000);
        Table table = new Table("density", "measure", "value", "unit");
        try (HeapProbe manager = new HeapProbe(env.managerPid())) {
            long heapBefore = manager.usedAfterGc();
            long redisBefore = env.redis().usedMemory();
            env.http().postAll(i -> env.direct("idle-" + i, "noop"), processes, CONCURRENCY, Json.TYPE, Json.NONE);
            long heapLive = manager.usedAfterGc();
            long redisLive = env.redis().usedMemory();
            env.http().postAll(i -> env.swapDirect("idle-" + i), processes, CONCURRENCY, Json.TYPE, Json.NONE);
            long heapSwapped = manager.usedAfterGc();
            long redisSwapped = env.redis().usedMemory();

            double bytesPerLive = (double) (heapLive - heapBefore) / processes;
            double livePerGib = GIB / bytesPerLive;
            double redisPerSwapped = (double) (redisSwapped - redisBefore) / processes;
            double managerPerSwapped = (double) (heapSwapped - heapBefore) / processes;
            table.add("idle live processes created", processes, "processes")
                    .add("manager heap after full GC: before", heapBefore, "bytes")
                    .add("manager heap after full GC: all live", heapLive, "bytes")
                    .add("manager heap after full GC: all swapped out", heapSwapped, "bytes")
                    .add("manager heap per idle live process", bytesPerLive, "bytes")
                    .add("idle live processes per GiB of manager heap", livePerGib, "processes")
                    .add("manager heap per swapped-out session", managerPerSwapped, "bytes")
                    .add("Redis memory per live process (lease + epoch + index)", (double) (redisLive - redisBefore) / processes, "bytes")
                    .add("Redis memory per swapped-out session", redisPerSwapped, "bytes")
                    .add("swapped-out sessions per GiB of Redis memory", GIB / redisPerSwapped, "sessions")
                    .add("manager max heap", manager.maxHeap(), "bytes");
            results.headline("density_idle_processes_per_GiB", "processes", livePerGib, null);
            results.headline("density_heap_bytes_per_idle_process", "B", bytesPerLive, null);
            results.headline("density_redis_bytes_per_swapped_session", "B", redisPerSwapped, null);
            results.target(new TargetCheck("idle live processes per GiB of manager heap", ">= 100,000",
                    String.format(Locale.ROOT, "%,.0f (%.0f B each, %,d processes measured)", livePerGib, bytesPerLive,
                            processes), livePerGib >= 100_000, "the process record, its mailbox and its lease entry"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        results.section(new Section(title(), """
                `noop` is called on N new sessions (32 at a time, directly on the manager), so N idle processes \
                without user state are live; the manager's heap is read after a full collection (through the \
                JDK attach API) before and after. Then every process is swapped out and heap and Redis memory \
                (`INFO memory`) are read again: a swapped-out session costs the manager nothing and Redis the \
                bytes shown.""", List.of(table), List.of()));
    }
}
