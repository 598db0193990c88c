package io.praas.manager.process;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.praas.manager.ManagerProperties;
import io.praas.manager.store.StateServiceClient;
import io.praas.manager.store.StateServiceUnavailableException;
import io.praas.sdk.ProcessApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A swap-out writes the snapshot and releases the lease in one call. When that call fails, the
 * manager cannot know whether the release happened, so the process must keep its state but serve
 * nothing until it has saved it. The state service here is a real, closed port.
 */
class SwapOutWithoutStateServiceTest {

    private final FunctionRuntime runtime = new FunctionRuntime(new SimpleMeterRegistry());
    private final ManagerProperties properties = ActiveProcesses.properties(closedPort());
    private final StateServiceClient stateService =
            new StateServiceClient(RestClient.builder(), properties, JsonMapper.builder().build(),
                    new SimpleMeterRegistry());
    private final ProcessTable table = new ProcessTable(stateService, null, runtime, properties, Clock.systemUTC(),
            new SimpleMeterRegistry());
    private final AtomicInteger runs = new AtomicInteger();
    private CloudProcess process;

    @AfterEach
    void stop() throws IOException {
        runtime.shutdown();
        stateService.close();
    }

    @Test
    void failedSwapOutKeepsTheStateAndRunsNothingUntilTheStateIsSaved() {
        start(app -> app.function("count", (input, ctx) -> {
            runs.incrementAndGet();
            ctx.state().put("count", ctx.state().getOrDefault("count", Long.class, 0L) + 1);
            return null;
        }));
        assertThat(invoke("count").result()).isCompleted();

        SwapTask swap = new SwapTask(table);
        swap.run(process);

        assertThatThrownBy(() -> swap.result().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StateServiceUnavailableException.class);
        assertThat(process.status()).isEqualTo(ProcessStatus.ACTIVE);
        assertThat(process.leaseExpired(table.clock().instant())).isTrue();

        InvokeTask refused = invoke("count");

        assertThatThrownBy(() -> refused.result().get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StateServiceUnavailableException.class);
        assertThat(runs).hasValue(1);
        assertThat(process.status()).isEqualTo(ProcessStatus.ACTIVE);
        assertThat(process.state().read("count", Long.class, process.app().codec())).isEqualTo(1L);
    }

    private void start(ProcessApplication application) {
        process = ActiveProcesses.of(table, "swapping", application);
    }

    /** Runs one invocation to its end on this thread, as the process's worker would. */
    private InvokeTask invoke(String function) {
        InvokeTask task = new InvokeTask(table, function, "".getBytes(StandardCharsets.UTF_8), "invocation-1");
        task.run(process);
        assertThat(task.result()).isDone();
        return task;
    }

    private static URI closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return URI.create("http://127.0.0.1:" + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
