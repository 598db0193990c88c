package io.praas.manager.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.praas.manager.ManagerProperties;
import io.praas.manager.app.AppRegistry;
import io.praas.manager.app.DeployedApp;
import io.praas.manager.app.FunctionNotFoundException;
import io.praas.manager.state.SnapshotCodec;
import io.praas.manager.state.StateEncodingException;
import io.praas.manager.store.StateServiceClient;
import io.praas.manager.store.StaleEpochException;
import io.praas.manager.store.StateServiceUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The processes live on this manager, and the one way work reaches them: every invocation,
 * swap-out and deletion is a task queued in the process's mailbox, so it runs in the process's
 * turn. A task that finds its process ended is dispatched again, which allocates or resumes a new
 * instance.
 */
@Component
public class ProcessTable {

    private static final Logger log = LoggerFactory.getLogger(ProcessTable.class);

    private final Map<ProcessKey, CloudProcess> processes = new ConcurrentHashMap<>();
    private final ProcessDeadlines idleDeadlines = new ProcessDeadlines();
    private final ProcessDeadlines checkpointDeadlines = new ProcessDeadlines();
    private final StateServiceClient store;
    private final AppRegistry apps;
    private final FunctionRuntime runtime;
    private final SnapshotCodec snapshots = new SnapshotCodec();
    private final ManagerProperties properties;
    private final Clock clock;
    private final String owner;
    private final Timer activations;
    private final Timer swapOuts;

    public ProcessTable(StateServiceClient store, AppRegistry apps, FunctionRuntime runtime, ManagerProperties properties, Clock clock,
                        MeterRegistry registry) {
        this.store = store;
        this.apps = apps;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.owner = properties.id() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.activations = Timer.builder("praas.process.activation").description("Lease acquisition and snapshot load")
                .register(registry);
        this.swapOuts = Timer.builder("praas.process.swap-out").description("Snapshot encode and write")
                .register(registry);
        Gauge.builder("praas.processes.live", processes, Map::size).description("Processes in memory").register(registry);
    }

    /** The lease owner id of this manager: its configured id plus a suffix unique to this run. */
    public String owner() {
        return owner;
    }

    public CompletableFuture<InvocationResult> invoke(DeployedApp app, String session, String function, byte[] body) {
        if (app.function(function).isEmpty()) {
            throw new FunctionNotFoundException(app.name(), function, app.functionNames());
        }
        InvokeTask task = new InvokeTask(this, function, body, newInvocationId());
        dispatch(new ProcessKey(app.name(), session), app, task);
        return task.result();
    }

    /**
     * A random (version 4) UUID drawn from {@link ThreadLocalRandom}: invocation ids name calls in answers and
     * logs and guard nothing, and {@link UUID#randomUUID()}'s shared SecureRandom cost ~1.5 % of a warm call's CPU.
     */
    private static String newInvocationId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long mostSignificant = (random.nextLong() & ~0xF000L) | 0x4000L;
        long leastSignificant = (random.nextLong() & ~0xC000000000000000L) | 0x8000000000000000L;
        return new UUID(mostSignificant, leastSignificant).toString();
    }

    /** Swaps the process out if it is live here; empty if it is not. */
    public Optional<CompletableFuture<ProcessView>> swap(ProcessKey key) {
        CloudProcess process = processes.get(key);
        if (process == null) {
            return Optional.empty();
        }
        SwapTask task = new SwapTask(this);
        offerOrHandBack(process, task);
        return Optional.of(task.result());
    }

    /** Deletes the process if it is live here (and its stored state); empty if it is not live. */
    public Optional<CompletableFuture<Void>> delete(ProcessKey key) {
        CloudProcess process = processes.get(key);
        if (process == null) {
            return Optional.empty();
        }
        DeleteTask task = new DeleteTask(this);
        offerOrHandBack(process, task);
        return Optional.of(task.result());
    }

    /** Queues an uncounted task; if the process has just ended, the task handles that at once. */
    private static void offerOrHandBack(CloudProcess process, ProcessTask task) {
        if (process.mailbox().offer(task) != ProcessMailbox.Offer.ACCEPTED) {
            task.notRun(process, null);
        }
    }

    /** Swaps out every live process that matches, e.g. all of them on drain. */
    public CompletableFuture<Void> swapOutAll(Predicate<CloudProcess> which) {
        List<CompletableFuture<ProcessView>> swaps = new ArrayList<>();
        // iterate the live table (weakly consistent) rather than copy it
        for (CloudProcess process : processes.values()) {
            if (which.test(process)) {
                swapLoggingFailure(process).ifPresent(swaps::add);
            }
        }
        return CompletableFuture.allOf(swaps.toArray(CompletableFuture[]::new));
    }

    /**
     * Swaps out the processes that stayed idle past their app's idle timeout, by {@code now}. Looks only at those
     * whose idle deadline has come; one that was busy since gets its next deadline.
     */
    public void swapOutIdle(Instant now) {
        for (ProcessDeadlines.Deadline deadline : idleDeadlines.takeDue(now)) {
            CloudProcess process = stillLive(deadline);
            if (process == null) {
                continue;
            }
            if (process.idleBeyondTimeout(now)) {
                // a swap-out that failed leaves the process live and active: it needs a deadline again
                swapLoggingFailure(process).ifPresent(swap -> swap.thenRun(() -> {
                    if (processes.get(process.key()) == process) {
                        watchIdle(process);
                    }
                }));
            } else {
                watchIdle(process);
            }
        }
    }

    /** Adds the process's next idle deadline (one already past is taken at the next check). */
    void watchIdle(CloudProcess process) {
        idleDeadlines.add(process.key(), process.epoch(), process.idleDeadline());
    }

    private Optional<CompletableFuture<ProcessView>> swapLoggingFailure(CloudProcess process) {
        return swap(process.key()).map(swap -> swap.exceptionally(failure -> {
            log.warn("Could not swap out {}: {}", process.key(), failure.getMessage());
            return null;
        }));
    }

    /**
     * Checkpoints the processes whose changes have waited their app's checkpoint interval by {@code now}
     * ({@code CHECKPOINT} durability). Looks only at those whose checkpoint deadline has come.
     */
    public void checkpointDue(Instant now) {
        for (ProcessDeadlines.Deadline deadline : checkpointDeadlines.takeDue(now)) {
            CloudProcess process = stillLive(deadline);
            if (process == null || !process.dirty()) {
                continue; // saved since: its next change sets a new deadline
            }
            if (process.status() == ProcessStatus.ACTIVE && !process.checkpointDeadline().isAfter(now)) {
                process.mailbox().offer(new CheckpointTask(this));
            } else {
                watchCheckpoint(process);
            }
        }
    }

    /** Adds the deadline of a process's unsaved changes (one already past is taken at the next check). */
    void watchCheckpoint(CloudProcess process) {
        checkpointDeadlines.add(process.key(), process.epoch(), process.checkpointDeadline());
    }

    /** The process a deadline was set for, or null when it has gone since (or was replaced by a new activation). */
    private CloudProcess stillLive(ProcessDeadlines.Deadline deadline) {
        CloudProcess process = processes.get(deadline.key());
        return process != null && process.epoch() == deadline.epoch() ? process : null;
    }

    /** The lease of the process was lost: it must stop serving, its state is fenced off. */
    public void fence(ProcessKey key) {
        CloudProcess process = processes.get(key);
        if (process != null) {
            process.mailbox().offer(new FenceTask(this));
        }
    }

    public Optional<CloudProcess> live(ProcessKey key) {
        return Optional.ofNullable(processes.get(key));
    }

    public Collection<CloudProcess> live() {
        return processes.values();
    }

    public ProcessView view(CloudProcess process) {
        return ProcessView.of(process, properties.id());
    }

    void dispatch(ProcessKey key, DeployedApp app, ProcessTask task) {
        while (true) {
            CloudProcess process = processes.get(key);
            if (process == null) {
                CloudProcess fresh = new CloudProcess(key, app, runtime.workers(), properties.maxQueuedInvocations(),
                        clock.instant(), new ActivateTask(this));
                process = processes.putIfAbsent(key, fresh);
                if (process == null) {
                    process = fresh;
                }
            }
            switch (process.mailbox().offer(task)) {
                case ACCEPTED -> {
                    return;
                }
                case FULL -> {
                    task.notRun(process, new TooManyPendingInvocationsException(key, properties.maxQueuedInvocations()));
                    return;
                }
                case CLOSED -> processes.remove(key, process);
            }
        }
    }

    /** Ends the process in a terminal status and hands its unrun tasks back. */
    void end(CloudProcess process, ProcessStatus terminal, Throwable failure) {
        process.moveTo(terminal);
        List<ProcessTask> rest = process.mailbox().close();
        processes.remove(process.key(), process);
        rest.forEach(task -> task.notRun(process, failure));
    }

    /** Writes the process's state, with {@code overlay} applied on top, as a snapshot under its epoch. */
    int writeSnapshot(CloudProcess process, Map<String, Object> overlay) {
        return writeSnapshot(process, overlay, false);
    }

    /** Writes the process's whole state and releases its lease in the same call: one round trip per swap-out. */
    int writeFinalSnapshot(CloudProcess process) {
        return writeSnapshot(process, Map.of(), true);
    }

    private int writeSnapshot(CloudProcess process, Map<String, Object> overlay, boolean release) {
        byte[] snapshot;
        try {
            snapshot = snapshots.encode(process.state().encode(process.app().codec(), overlay));
        } catch (StateEncodingException e) {
            throw ProcessStateProblem.unencodableState(process.key(), e);
        }
        store.writeSnapshot(process.key().app(), process.key().session(), process.epoch(), snapshot, release);
        process.persisted(clock.instant());
        return snapshot.length;
    }

    /**
     * Stops serving a process whose lease is lost or could not be renewed in time. If no other
     * manager activated the session since, its epoch is still current and the state is written as
     * on any swap-out, so nothing is lost; if one did, the fence refuses the write and this copy is
     * dropped. While the state service cannot be reached the process keeps its state in memory
     * without serving, and the lease renewer tries again. Returns whether the process ended.
     */
    boolean surrenderLease(CloudProcess process) {
        process.moveTo(ProcessStatus.SWAPPING_OUT);
        try {
            writeFinalSnapshot(process);
        } catch (StateServiceUnavailableException e) {
            process.moveTo(ProcessStatus.ACTIVE);
            log.warn("Process {} holds no lease and cannot save its state yet: {}", process.key(), e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("Process {} stopped without saving its state: {}", process.key(), e.getMessage());
            end(process, ProcessStatus.FAILED, new LeaseLostException(process.key()));
            return true;
        }
        end(process, ProcessStatus.SWAPPED, null);
        return true;
    }

    void releaseQuietly(CloudProcess process) {
        try {
            store.releaseLease(process.key().app(), process.key().session(), process.epoch());
        } catch (RuntimeException e) {
            // The lease then simply expires; nothing else depends on the release.
            log.warn("Could not release the lease of {}: {}", process.key(), e.getMessage());
        }
    }

    /** A write refused for a stale epoch means another activation exists: this copy must die. */
    boolean fencedOff(CloudProcess process, RuntimeException failure) {
        if (failure instanceof StaleEpochException) {
            log.warn("Process {} was fenced off: {}", process.key(), failure.getMessage());
            end(process, ProcessStatus.FAILED, failure);
            return true;
        }
        return false;
    }

    /** The app version a re-dispatched task should run with: the newest deployed, if loaded. */
    DeployedApp currentApp(CloudProcess process) {
        return apps.current(process.key().app()).orElse(process.app());
    }

    StateServiceClient store() {
        return store;
    }

    SnapshotCodec snapshots() {
        return snapshots;
    }

    FunctionRuntime runtime() {
        return runtime;
    }

    ManagerProperties properties() {
        return properties;
    }

    Clock clock() {
        return clock;
    }

    Timer activations() {
        return activations;
    }

    Timer swapOuts() {
        return swapOuts;
    }
}
