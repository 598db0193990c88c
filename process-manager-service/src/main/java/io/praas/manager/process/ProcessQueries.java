package io.praas.manager.process;

import io.praas.manager.ManagerProperties;
import io.praas.manager.store.SessionPage;
import io.praas.manager.store.StateServiceClient;
import io.praas.manager.store.StoredSession;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Answers questions about processes that may not be live here: live ones from the process table,
 * the rest from the state service. Blocking; called on the control-plane executor.
 */
@Component
public class ProcessQueries {

    private final ProcessTable table;
    private final StateServiceClient store;
    private final ManagerProperties properties;

    public ProcessQueries(ProcessTable table, StateServiceClient store, ManagerProperties properties) {
        this.table = table;
        this.store = store;
        this.properties = properties;
    }

    public ProcessView describe(ProcessKey key) {
        return table.live(key).map(table::view)
                .or(() -> store.session(key.app(), key.session()).map(this::stored))
                .orElseThrow(() -> new ProcessNotFoundException(key));
    }

    public ProcessController.ProcessPage list(String app, String after, int limit) {
        SessionPage page = store.sessions(app, after, limit);
        List<ProcessView> processes = page.sessions().stream()
                .map(session -> table.live(new ProcessKey(app, session.session())).map(table::view)
                        .orElseGet(() -> stored(session)))
                .toList();
        return new ProcessController.ProcessPage(processes, page.next());
    }

    public void deleteStored(ProcessKey key) {
        if (store.session(key.app(), key.session()).isEmpty()) {
            throw new ProcessNotFoundException(key);
        }
        store.deleteSession(key.app(), key.session(), null);
    }

    /** A process not live here: active on another manager while its lease lives, else swapped. */
    private ProcessView stored(StoredSession session) {
        boolean activeElsewhere = session.owner() != null && !session.owner().equals(table.owner());
        ProcessStatus status = activeElsewhere ? ProcessStatus.ACTIVE : ProcessStatus.SWAPPED;
        String manager = activeElsewhere ? managerOf(session.owner()) : null;
        return new ProcessView(session.app(), session.session(), status, manager, session.epoch(), null, null, null,
                null, session.snapshotBytes(), session.snapshotWrittenAt());
    }

    private static String managerOf(String owner) {
        int run = owner.lastIndexOf('/');
        return run > 0 ? owner.substring(0, run) : owner;
    }
}
