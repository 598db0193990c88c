package io.praas.manager.process;

import io.praas.manager.app.DeployedApp;
import io.praas.manager.app.FunctionNotFoundException;
import io.praas.manager.app.FunctionSpec;
import io.praas.manager.problem.PraasException;
import io.praas.manager.state.InvocationState;
import io.praas.manager.store.StateServiceUnavailableException;
import io.praas.sdk.Durability;
import io.praas.sdk.InvalidInputException;
import io.praas.sdk.ProcessContext;
import io.praas.sdk.ProcessState;
import tools.jackson.core.JacksonException;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One invocation of a function. It runs in its own write set and commits only if the function
 * returns normally (and, in write-through mode, once the new state is stored). At its deadline the
 * caller gets a timeout, the write set is dropped and the process continues on a fresh worker.
 */
final class InvokeTask implements ProcessTask {

    private enum Phase { QUEUED, RUNNING, COMMITTING, DONE, TIMED_OUT }

    private final ProcessTable table;
    private final String function;
    private final byte[] body;
    private final String invocationId;
    private final CompletableFuture<InvocationResult> result = new CompletableFuture<>();
    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.QUEUED);

    InvokeTask(ProcessTable table, String function, byte[] body, String invocationId) {
        this.table = table;
        this.function = function;
        this.body = body;
        this.invocationId = invocationId;
    }

    CompletableFuture<InvocationResult> result() {
        return result;
    }

    @Override
    public boolean counted() {
        return true;
    }

    @Override
    public void run(CloudProcess process) {
        if (process.leaseExpired(table.clock().instant())) {
            // Single activation: without a lease this process must not run. Once it has ended, a new
            // activation takes the session (and the lease) over.
            if (table.surrenderLease(process)) {
                notRun(process, process.status() == ProcessStatus.SWAPPED ? null : new LeaseLostException(process.key()));
            } else {
                notRun(process, new StateServiceUnavailableException("save the state of " + process.key(),
                        new IllegalStateException("lease expired while the state service was unreachable")));
            }
            return;
        }
        if (!phase.compareAndSet(Phase.QUEUED, Phase.RUNNING)) {
            return;
        }
        DeployedApp app = process.app();
        ActivationKind activation = process.takeActivation();
        Thread worker = Thread.currentThread();
        ScheduledFuture<?> deadline = table.runtime().schedule(app.config().invocationTimeout(),
                () -> timeOut(process, worker));
        try {
            FunctionSpec spec = app.function(function)
                    .orElseThrow(() -> new FunctionNotFoundException(app.name(), function, app.functionNames()));
            InvocationState state = new InvocationState(process.state(), app.codec());
            Object output = spec.function().apply(input(process, spec), new Context(process.key(), state));
            InvocationResult encoded = encode(process, output, activation);
            if (!phase.compareAndSet(Phase.RUNNING, Phase.COMMITTING)) {
                return;
            }
            commit(process, state);
            phase.set(Phase.DONE);
            result.complete(encoded);
        } catch (Throwable failure) {
            if (phase.compareAndSet(Phase.RUNNING, Phase.DONE) || phase.compareAndSet(Phase.COMMITTING, Phase.DONE)) {
                process.touched(table.clock().instant(), false);
                result.completeExceptionally(problem(process, failure));
            }
        } finally {
            deadline.cancel(false);
        }
    }

    private void commit(CloudProcess process, InvocationState state) {
        boolean changed = state.changed();
        boolean writeThrough = changed && process.app().config().durability() == Durability.WRITE_THROUGH;
        if (writeThrough) {
            try {
                table.writeSnapshot(process, state.writes());
            } catch (RuntimeException e) {
                table.fencedOff(process, e);
                throw e;
            }
        }
        process.state().apply(state.writes());
        process.touched(table.clock().instant(), changed && !writeThrough);
    }

    private Object input(CloudProcess process, FunctionSpec spec) {
        Class<?> type = spec.inputType();
        if (type == byte[].class) {
            return body;
        }
        if (type == Void.class || body.length == 0) {
            return null;
        }
        try {
            return process.app().codec().readJson(body, type);
        } catch (JacksonException e) {
            throw new InvalidInputProblem(process.key(), function, "the body is not valid JSON for "
                    + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private InvocationResult encode(CloudProcess process, Object output, ActivationKind activation) {
        if (output == null) {
            return new InvocationResult(invocationId, activation, new byte[0], false);
        }
        if (output instanceof byte[] raw) {
            return new InvocationResult(invocationId, activation, raw, true);
        }
        try {
            return new InvocationResult(invocationId, activation, process.app().codec().writeJson(output), false);
        } catch (JacksonException e) {
            throw ProcessStateProblem.unencodableOutput(process.key(), function, e);
        }
    }

    private Throwable problem(CloudProcess process, Throwable failure) {
        if (failure instanceof PraasException) {
            return failure;
        }
        if (failure instanceof InvalidInputException invalid) {
            return new InvalidInputProblem(process.key(), function, invalid.getMessage());
        }
        return new FunctionFailedException(process.key(), function, invocationId, failure);
    }

    private void timeOut(CloudProcess process, Thread worker) {
        if (!phase.compareAndSet(Phase.RUNNING, Phase.TIMED_OUT)) {
            return;
        }
        result.completeExceptionally(new InvocationTimeoutException(process.key(), function, invocationId,
                process.app().config().invocationTimeout()));
        if (process.mailbox().abandon(this, worker)) {
            table.runtime().abandoned();
        }
    }

    @Override
    public void notRun(CloudProcess process, Throwable reason) {
        if (reason == null) {
            table.dispatch(process.key(), table.currentApp(process), this);
        } else {
            phase.set(Phase.DONE);
            result.completeExceptionally(reason);
        }
    }

    private final class Context implements ProcessContext {

        private final ProcessKey key;
        private final ProcessState state;

        Context(ProcessKey key, ProcessState state) {
            this.key = key;
            this.state = state;
        }

        @Override
        public String app() {
            return key.app();
        }

        @Override
        public String session() {
            return key.session();
        }

        @Override
        public String function() {
            return function;
        }

        @Override
        public String invocationId() {
            return invocationId;
        }

        @Override
        public ProcessState state() {
            return state;
        }
    }
}
