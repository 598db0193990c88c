package io.praas.manager.swap;

import io.praas.manager.process.CloudProcess;
import io.praas.manager.process.ProcessStatus;
import io.praas.manager.process.ProcessTable;
import io.praas.sdk.Durability;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/** Writes periodic snapshots of changed processes of CHECKPOINT-mode apps. */
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
        Instant now = clock.instant();
        for (CloudProcess process : table.live()) {
            if (isDue(process, now)) {
                table.checkpoint(process);
            }
        }
    }

    static boolean isDue(CloudProcess process, Instant now) {
        return process.app().config().durability() == Durability.CHECKPOINT
                && process.status() == ProcessStatus.ACTIVE
                && process.dirty()
                && !process.lastPersisted().plus(process.app().config().checkpointInterval()).isAfter(now);
    }
}
