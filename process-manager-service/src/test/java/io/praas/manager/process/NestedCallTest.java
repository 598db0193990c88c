package io.praas.manager.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.praas.manager.app.FunctionNotFoundException;
import io.praas.sdk.AppDefinition;
import io.praas.sdk.ProcessApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.lang.reflect.UndeclaredThrowableException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ProcessContext.call}: one function calling another inside the same process and invocation. */
class NestedCallTest {

    record Point(int x, int y) {
    }

    private final FunctionRuntime runtime = new FunctionRuntime(new SimpleMeterRegistry());
    // No state service and no app registry: an invocation of an active EPHEMERAL process must touch neither.
    private final ProcessTable table = new ProcessTable(null, null, runtime,
            ActiveProcesses.properties(URI.create("http://localhost:1")), Clock.systemUTC(),
            new SimpleMeterRegistry());
    private CloudProcess process;

    @AfterEach
    void stopRuntime() {
        runtime.shutdown();
    }

    @Test
    void nestedCallSharesTheCallersWritesAndCommitsOnce() {
        List<String> seen = new ArrayList<>();
        start(app -> app
                .function("outer", (input, ctx) -> {
                    ctx.state().put("a", 1L);
                    long b = ctx.call("inner", null, long.class);
                    seen.add("caller sees b=" + ctx.state().get("b", Long.class) + ", committed b=" + committed("b"));
                    return b;
                })
                .function("inner", (input, ctx) -> {
                    long b = ctx.state().get("a", Long.class) + 1;
                    ctx.state().put("b", b);
                    seen.add(ctx.function() + " of " + ctx.invocationId() + ", committed a=" + committed("a"));
                    return b;
                }));

        InvokeTask task = invoke("outer", "");

        assertThat(task.result().resultNow().body()).asString(StandardCharsets.UTF_8).isEqualTo("2");
        assertThat(seen).containsExactly("inner of invocation-1, committed a=null", "caller sees b=2, committed b=null");
        assertThat(committed("a")).isEqualTo(1L);
        assertThat(committed("b")).isEqualTo(2L);
    }

    @Test
    void nestedCallWritesAreDroppedWhenTheCallerThrows() {
        start(app -> app
                .function("outer", (input, ctx) -> {
                    ctx.call("inner", null, Void.class);
                    throw new IllegalStateException("caller gives up");
                })
                .function("inner", (input, ctx) -> {
                    ctx.state().put("b", 2L);
                    return null;
                }));

        InvokeTask task = invoke("outer", "");

        assertThat(task.result().exceptionNow()).isInstanceOf(FunctionFailedException.class)
                .hasMessageContaining("'outer'").hasMessageContaining("caller gives up");
        assertThat(process.state().contains("b")).isFalse();
    }

    @Test
    void failedCalleeLeavesNoWritesWhenTheCallerCatchesIt() {
        start(app -> app
                .function("outer", (input, ctx) -> {
                    ctx.state().put("a", 1L);
                    try {
                        ctx.call("inner", null, Void.class);
                    } catch (IllegalStateException expected) {
                        ctx.state().put("c", 3L);
                    }
                    return null;
                })
                .function("inner", (input, ctx) -> {
                    ctx.state().put("a", 100L);
                    ctx.state().put("b", 2L);
                    throw new IllegalStateException("callee gives up");
                }));

        invoke("outer", "");

        assertThat(committed("a")).isEqualTo(1L);
        assertThat(committed("b")).isNull();
        assertThat(committed("c")).isEqualTo(3L);
    }

    @Test
    void unknownNestedFunctionIsFunctionNotFound() {
        start(app -> app.function("outer", (input, ctx) -> {
            ctx.state().put("a", 1L);
            return ctx.call("missing", null, String.class);
        }));

        InvokeTask task = invoke("outer", "");

        assertThat(task.result().exceptionNow()).isInstanceOfSatisfying(FunctionNotFoundException.class, notFound -> {
            assertThat(notFound.status()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(notFound.properties()).containsEntry("function", "missing");
        });
        assertThat(process.state().contains("a")).isFalse();
    }

    @Test
    void endlessRecursionFailsCleanly() {
        AtomicInteger runs = new AtomicInteger();
        start(app -> app.function("loop", (input, ctx) -> {
            runs.incrementAndGet();
            ctx.state().put("runs", (long) runs.get());
            return ctx.call("loop", null, Long.class);
        }));

        InvokeTask task = invoke("loop", "");

        assertThat(task.result().exceptionNow()).isInstanceOf(FunctionFailedException.class)
                .hasMessageContaining("more than " + InvokeTask.MAX_CALL_DEPTH + " deep")
                .cause().isExactlyInstanceOf(IllegalStateException.class);
        assertThat(runs).hasValue(InvokeTask.MAX_CALL_DEPTH + 1);
        assertThat(process.state().contains("runs")).isFalse();
    }

    @Test
    void inputAndOutputOfTheRightTypeAreHandedOverAsIs() {
        Point sent = new Point(1, 2);
        List<Object> received = new ArrayList<>();
        start(app -> app
                .function("outer", (input, ctx) -> {
                    Point returned = ctx.call("inner", sent, Point.class);
                    received.add(returned);
                    return null;
                })
                .function("inner", Point.class, (input, ctx) -> {
                    received.add(input);
                    return input;
                }));

        invoke("outer", "").result().join();

        assertThat(received).hasSize(2).allSatisfy(object -> assertThat(object).isSameAs(sent));
    }

    @Test
    void inputOfAnotherTypeIsConvertedByTheCodec() {
        start(app -> app
                .function("outer", (input, ctx) -> {
                    Point point = ctx.call("inner", Map.of("x", 3, "y", 4), Point.class);
                    long sum = ctx.call("sum", point, long.class);
                    return List.of(point, sum);
                })
                .function("inner", Point.class, (input, ctx) -> Map.of("x", input.x() * 10, "y", input.y() * 10))
                .function("sum", Point.class, (input, ctx) -> input.x() + input.y()));

        InvokeTask task = invoke("outer", "");

        assertThat(task.result().resultNow().body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("[{\"x\":30,\"y\":40},70]");
    }

    @Test
    void inputThatCannotBeConvertedIsInvalidInputNamingTheCallee() {
        start(app -> app
                .function("outer", String.class, (input, ctx) -> ctx.call(input, "not a point", Point.class))
                .function("point", Point.class, (input, ctx) -> input)
                .function("nothing", (input, ctx) -> null));

        assertThat(invoke("outer", "\"point\"").result().exceptionNow())
                .isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("function 'point' takes a " + Point.class.getName())
                .hasMessageContaining("a java.lang.String cannot be converted");
        assertThat(invoke("outer", "\"nothing\"").result().exceptionNow())
                .isInstanceOf(InvalidInputProblem.class)
                .hasMessageContaining("function 'nothing' takes no input, but was called with a java.lang.String");
    }

    @Test
    void outputThatCannotBeConvertedFailsTheCaller() {
        start(app -> app
                .function("outer", (input, ctx) -> ctx.call("text", null, Point.class))
                .function("text", (input, ctx) -> "not a point"));

        assertThat(invoke("outer", "").result().exceptionNow()).isInstanceOf(FunctionFailedException.class)
                .cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the output of function 'text', a java.lang.String, cannot be converted to "
                        + Point.class.getName());
    }

    @Test
    void checkedExceptionOfTheCalleeReachesTheCallerWrapped() {
        List<Throwable> caught = new ArrayList<>();
        start(app -> app
                .function("outer", (input, ctx) -> {
                    try {
                        return ctx.call("io", null, String.class);
                    } catch (UndeclaredThrowableException e) {
                        caught.add(e.getUndeclaredThrowable());
                        return "recovered";
                    }
                })
                .function("io", (input, ctx) -> {
                    throw new IOException("disk on fire");
                }));

        assertThat(invoke("outer", "").result().resultNow().body()).asString(StandardCharsets.UTF_8)
                .isEqualTo("\"recovered\"");
        assertThat(caught).singleElement().isInstanceOf(IOException.class);
    }

    private void start(ProcessApplication application) {
        process = ActiveProcesses.of(table, "nested", application);
    }

    /** Runs one invocation to its end on this thread, as the process's worker would. */
    private InvokeTask invoke(String function, String json) {
        InvokeTask task = new InvokeTask(table, function, json.getBytes(StandardCharsets.UTF_8), "invocation-1");
        task.run(process);
        assertThat(task.result()).isDone();
        return task;
    }

    private Object committed(String key) {
        return process.state().read(key, Long.class, process.app().codec());
    }
}
