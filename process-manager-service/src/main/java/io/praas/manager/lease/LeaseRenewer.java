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

import java.util.List;

/**
 * Renews the leases of all live processes in one batch, and stops serving any process whose lease
 * turned out to be lost (another manager may have activated it since).
 */
@Component
public class LeaseRenewer {

    private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

    private final ProcessTable table;
    private final StateServiceClient store;
    private final ManagerProperties properties;

    public LeaseRenewer(ProcessTable table, StateServiceClient store, ManagerProperties properties) {
        this.table = table;
        this.store = store;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${praas.manager.lease-renew-interval:10s}")
    public void renew() {
        List<HeldLease> held = table.live().stream()
                .filter(process -> process.status() == ProcessStatus.ACTIVE)
                .map(LeaseRenewer::lease)
                .toList();
        if (held.isEmpty()) {
            return;
        }
        try {
            for (LostLease lost : store.renew(table.owner(), properties.leaseTtl(), held)) {
                log.warn("Lease of {}/{} was lost; the process stops serving here", lost.app(), lost.session());
                table.fence(new ProcessKey(lost.app(), lost.session()));
            }
        } catch (RuntimeException e) {
            log.warn("Could not renew {} leases: {}", held.size(), e.getMessage());
        }
    }

    private static HeldLease lease(CloudProcess process) {
        return new HeldLease(process.key().app(), process.key().session(), process.epoch());
    }
}
