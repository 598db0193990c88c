package io.praas.manager.process;

import io.netty.util.Timeout;
import io.praas.manager.app.DeployedApp;
import io.praas.manager.app.FunctionNotFoundException;
import io.praas.manager.app.FunctionSpec;
import io.praas.manager.problem.PraasException;
import io.praas.manager.state.InvocationState;
import io.praas.manager.state.StateDecodingException;
import io.praas.manager.state.ValueCodec;
import io.praas.manager.store.StateServiceUnavailableException;
import io.praas.sdk.Durability;
import io.praas.sdk.InvalidInputException;
import io.praas.sdk.ProcessContext;
import io.praas.sdk.ProcessState;
import tools.jackson.core.JacksonException;

import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One invocation of a function. It runs in its own write set and commits only if the function
 * returns normally (and, in write-through mode, once the new state is stored). At its deadline the
 * caller gets a timeout, the write set is dropped and the process continues on a fresh worker.
 */
final class InvokeTask implements ProcessTask {

    private enum Phase { QUEUED, RUNNING, COMMITTING, DONE, TIMED_OUT }

    /**
     * How deep {@link ProcessContext#call} may nest: far beyond any sane composition, yet far short
     * of the worker's stack, so an endless recursion fails as a plain function error.
     */
    static final int MAX_CALL_DEPTH = 64;

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
        Timeout deadline = table.runtime().startDeadline(app.config().invocationTimeout(),
                () -> timeOut(process, worker));
        try {
            FunctionSpec spec = app.function(function)
                    .orElseThrow(() -> new FunctionNotFoundException(app.name(), function, app.functionNames()));
            InvocationState state = new InvocationState(process.state(), app.codec());
            Object output = spec.function().apply(input(process, spec), new Context(process, state, function, 0));
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
            deadline.cancel();
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
        if (process.touched(table.clock().instant(), changed && !writeThrough)
                && process.app().config().durability() == Durability.CHECKPOINT) {
            table.watchCheckpoint(process);
        }
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

    /** What one function sees; a nested call gets its own, over the same invocation state. */
    private final class Context implements ProcessContext {

        private final CloudProcess process;
        private final InvocationState state;
        private final String function;
        private final int depth;

        Context(CloudProcess process, InvocationState state, String function, int depth) {
            this.process = process;
            this.state = state;
            this.function = function;
            this.depth = depth;
        }

        @Override
        public String app() {
            return process.key().app();
        }

        @Override
        public String session() {
            return process.key().session();
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

        @Override
        @SuppressWarnings("unchecked")
        public <O> O call(String callee, Object input, Class<O> outputType) {
            DeployedApp app = process.app();
            FunctionSpec spec = app.function(callee)
                    .orElseThrow(() -> new FunctionNotFoundException(app.name(), callee, app.functionNames()));
            if (depth == MAX_CALL_DEPTH) {
                // The app cannot see manager classes, so a JDK exception is what it could catch; uncaught it
                // is a function-failed problem naming the recursion, instead of a StackOverflowError.
                throw new IllegalStateException("the call of function '" + callee + "' from '" + function
                        + "' would nest calls more than " + MAX_CALL_DEPTH + " deep: an endless recursion?");
            }
            Object argument = argument(app.codec(), spec, input);
            // A callee that fails leaves no writes behind, even when its caller catches the failure.
            Map<String, Object> savepoint = state.savepoint();
            Object output;
            try {
                output = spec.function().apply(argument, new Context(process, state, callee, depth + 1));
            } catch (RuntimeException | Error e) {
                state.rollBack(savepoint);
                throw e;
            } catch (Exception e) {
                state.rollBack(savepoint);
                // call() declares no checked exception; this is the JDK's wrapper for exactly that case.
                throw new UndeclaredThrowableException(e, "function '" + callee + "' threw " + e);
            }
            return (O) output(app.codec(), callee, output, outputType);
        }
    }

    /** The input as the callee takes it: the caller's object itself whenever it already fits. */
    private static Object argument(ValueCodec codec, FunctionSpec callee, Object input) {
        Class<?> type = callee.inputType();
        if (input == null || type.isInstance(input)) {
            return input;
        }
        if (type == Void.class) {
            throw new InvalidInputException("function '" + callee.name() + "' takes no input, but was called with a "
                    + input.getClass().getName());
        }
        try {
            return codec.convert("input", input, type);
        } catch (StateDecodingException e) {
            throw new InvalidInputException("function '" + callee.name() + "' takes a " + type.getName() + ", and a "
                    + input.getClass().getName() + " cannot be converted to it: " + e.getCause().getMessage());
        }
    }

    /** The output as the caller asked for it; converted only when it is not already of that type. */
    private static Object output(ValueCodec codec, String callee, Object output, Class<?> outputType) {
        Class<?> type = MethodType.methodType(outputType).wrap().returnType();
        if (output == null || type.isInstance(output)) {
            return output;
        }
        try {
            return codec.convert("output", output, type);
        } catch (StateDecodingException e) {
            throw new IllegalArgumentException("the output of function '" + callee + "', a " + output.getClass().getName()
                    + ", cannot be converted to " + type.getName() + ": " + e.getCause().getMessage(), e);
        }
    }
}
