package io.praas.manager.swap;

import io.praas.manager.ManagerProperties;
import io.praas.manager.process.ProcessTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * On graceful shutdown (SIGTERM), swaps every live process out before the manager exits, so that
 * the next manager resumes them with their state. Runs after the web server has stopped taking
 * requests: its phase is the lowest, so it stops last.
 */
@Component
public class Drainer implements SmartLifecycle {

    public static final int PHASE = Integer.MIN_VALUE + 1000;

    private static final Logger log = LoggerFactory.getLogger(Drainer.class);

    private final ProcessTable table;
    private final ManagerProperties properties;
    private volatile boolean running;

    public Drainer(ProcessTable table, ManagerProperties properties) {
        this.table = table;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        int live = table.live().size();
        log.info("Draining: swapping out {} live processes", live);
        try {
            table.swapOutAll(process -> true).get(properties.drainTimeout().toMillis(), TimeUnit.MILLISECONDS);
            log.info("Drained: {} processes swapped out, {} left", live, table.live().size());
        } catch (TimeoutException e) {
            log.warn("Drain timed out after {}: {} processes not swapped out", properties.drainTimeout(), table.live().size());
        } catch (ExecutionException e) {
            log.warn("Drain failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
