package io.praas.manager.lease;

import io.praas.manager.ManagerProperties;
import io.praas.manager.process.CloudProcess;
import io.praas.manager.process.ProcessKey;
import io.praas.manager.process.ProcessStatus;
import io.praas.manager.process.ProcessTable;
import io.praas.manager.store.HeldLease;
import io.praas.manager.store.LostLease;
import io.praas.manager.store.StateServiceClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps the leases of live processes: renews them in batches, and stops serving any process whose
 * lease was lost or could not be renewed before it expired — another manager may activate it then.
 */
@Component
public class LeaseRenewer {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

    private final ProcessTable table;
    private final StateServiceClient store;
    private final ManagerProperties properties;
    private final Clock clock;

    public LeaseRenewer(ProcessTable table, StateServiceClient store, ManagerProperties properties, Clock clock) {
        this.table = table;
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${praas.manager.lease-renew-interval:10s}")
    public void renew() {
        List<CloudProcess> active = table.live().stream()
                .filter(process -> process.status() == ProcessStatus.ACTIVE)
                .toList();
        int batchSize = properties.leaseRenewBatchSize();
        for (int from = 0; from < active.size(); from += batchSize) {
            renewBatch(active.subList(from, Math.min(active.size(), from + batchSize)));
        }
        surrenderExpired();
    }

    private void renewBatch(List<CloudProcess> batch) {
        Instant requested = clock.instant();
        List<HeldLease> held = batch.stream().map(LeaseRenewer::lease).toList();
        Set<ProcessKey> lost;
        try {
            lost = store.renew(table.owner(), properties.leaseTtl(), held).stream()
                    .map(LeaseRenewer::key)
                    .collect(Collectors.toSet());
        } catch (RuntimeException e) {
            log.warn("Could not renew {} leases: {}", held.size(), e.getMessage());
            return;
        }
        Instant validUntil = requested.plus(properties.leaseTtl());
        for (CloudProcess process : batch) {
            if (lost.contains(process.key())) {
                log.warn("Lease of {} was lost; the process stops serving here", process.key());
                table.fence(process.key());
            } else {
                process.leaseHeldUntil(validUntil);
            }
        }
    }

    /** Processes whose lease ran out without a successful renewal (e.g. the state service was down). */
    private void surrenderExpired() {
        Instant now = clock.instant();
        for (CloudProcess process : table.live()) {
            if (process.status() == ProcessStatus.ACTIVE && process.leaseExpired(now)) {
                log.warn("Lease of {} expired before it could be renewed; the process stops serving here", process.key());
                table.fence(process.key());
            }
        }
    }

    private static HeldLease lease(CloudProcess process) {
        return new HeldLease(process.key().app(), process.key().session(), process.epoch());
    }

    private static ProcessKey key(LostLease lost) {
        return new ProcessKey(lost.app(), lost.session());
    }
}
