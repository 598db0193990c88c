package io.praas.manager.swap;

import io.praas.manager.process.ProcessTable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Swaps out processes that stayed idle longer than their app's idle timeout, judged by the injected clock. */
@Component
public class IdleSwapper {

    private final ProcessTable table;
    private final Clock clock;

    public IdleSwapper(ProcessTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${praas.manager.idle-check-interval:250ms}")
    public void swapOutIdle() {
        table.swapOutIdle(clock.instant());
    }
}
