package io.praas.manager.process;

import io.praas.manager.app.DeployedApp;
import io.praas.manager.state.CommittedState;

import java.time.Instant;
import java.util.concurrent.Executor;

/**
 * One cloud process in memory: its committed state, its lifecycle status and its mailbox. The
 * state and the activation bookkeeping are touched only by tasks running in the process's turn.
 */
public final class CloudProcess {

    private final ProcessKey key;
    private final DeployedApp app;
    private final CommittedState state = new CommittedState();
    private final ProcessMailbox mailbox;
    private volatile ProcessStatus status = ProcessStatus.ALLOCATING;
    private volatile long epoch;
    private volatile Instant lastActivity;
    private volatile Instant lastPersisted;
    private volatile boolean dirty;
    private volatile Instant leaseExpiresAt = Instant.MIN;
    private ActivationKind nextActivation = ActivationKind.COLD;

    CloudProcess(ProcessKey key, DeployedApp app, Executor workers, int maxQueued, Instant now, ProcessTask activation) {
        this.key = key;
        this.app = app;
        this.mailbox = new ProcessMailbox(this, workers, maxQueued);
        this.mailbox.first(activation);
        this.lastActivity = now;
        this.lastPersisted = now;
    }

    public ProcessKey key() {
        return key;
    }

    public DeployedApp app() {
        return app;
    }

    public ProcessStatus status() {
        return status;
    }

    public long epoch() {
        return epoch;
    }

    public Instant lastActivity() {
        return lastActivity;
    }

    public Instant lastPersisted() {
        return lastPersisted;
    }

    /** Whether the state changed since it was last written to storage. */
    public boolean dirty() {
        return dirty;
    }

    public int stateKeys() {
        return state.size();
    }

    public int pendingInvocations() {
        return mailbox.pending();
    }

    /** Active, with nothing queued or running, and untouched for longer than its app's idle timeout. */
    public boolean idleBeyondTimeout(Instant now) {
        return swappable(now) && !idleDeadline().isAfter(now);
    }

    /** When the process will have been idle for its app's idle timeout, if nothing touches it before. */
    Instant idleDeadline() {
        return lastActivity.plus(app.config().idleTimeout());
    }

    /** When its unsaved changes are due for a checkpoint ({@code CHECKPOINT} durability). */
    Instant checkpointDeadline() {
        return lastPersisted.plus(app.config().checkpointInterval());
    }

    /** Active, holding its lease, with nothing queued or running: it can be swapped out without delaying anyone. */
    public boolean swappable(Instant now) {
        return status == ProcessStatus.ACTIVE && mailbox.isIdle() && !leaseExpired(now);
    }

    CommittedState state() {
        return state;
    }

    ProcessMailbox mailbox() {
        return mailbox;
    }

    void moveTo(ProcessStatus next) {
        ProcessStatus current = status;
        if (!current.canMoveTo(next)) {
            throw new IllegalTransitionException(key, current, next);
        }
        status = next;
    }

    void activated(long epoch, ActivationKind kind) {
        this.epoch = epoch;
        this.nextActivation = kind;
    }

    /** The lease is known to be held until {@code until} (by this manager's clock, counted from the request). */
    public void leaseHeldUntil(Instant until) {
        leaseExpiresAt = until;
    }

    /** Whether this manager can no longer be sure it holds the lease: it must stop serving. */
    public boolean leaseExpired(Instant now) {
        return !now.isBefore(leaseExpiresAt);
    }

    /** How this process came to serve the invocation now starting: cold or resumed once, then warm. */
    ActivationKind takeActivation() {
        ActivationKind kind = nextActivation;
        nextActivation = ActivationKind.WARM;
        return kind;
    }

    /** Notes activity at {@code now}; true when it leaves state unsaved that was all saved before. */
    boolean touched(Instant now, boolean changed) {
        lastActivity = now;
        if (changed && !dirty) {
            dirty = true;
            return true;
        }
        return false;
    }

    void persisted(Instant now) {
        dirty = false;
        lastPersisted = now;
    }

    @Override
    public String toString() {
        return "CloudProcess[" + key + ", " + status + ", epoch " + epoch + "]";
    }
}
