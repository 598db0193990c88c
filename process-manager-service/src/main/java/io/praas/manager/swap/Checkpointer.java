package io.praas.manager.swap;

import io.praas.manager.process.ProcessTable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** Writes periodic snapshots of changed processes of CHECKPOINT-mode apps, judged by the injected clock. */
@Component
public class Checkpointer {

    private final ProcessTable table;
    private final Clock clock;

    public Checkpointer(ProcessTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${praas.manager.checkpoint-check-interval:1s}")
    public void checkpointDue() {
        table.checkpointDue(clock.instant());
    }
}
