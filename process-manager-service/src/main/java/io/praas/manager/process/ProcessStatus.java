package io.praas.manager.process;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lifecycle of a cloud process. A process instance in memory starts {@link #ALLOCATING}
 * (taking its lease), passes {@link #RESUMING} when a snapshot is loaded, serves while
 * {@link #ACTIVE}, and ends {@link #SWAPPED}, {@link #DELETED} or {@link #FAILED}; the next call
 * creates a new instance. Moves outside {@link #LEGAL} are bugs and throw.
 */
public enum ProcessStatus {
    ALLOCATING, RESUMING, ACTIVE, SWAPPING_OUT, SWAPPED, DELETED, FAILED;

    private static final Map<ProcessStatus, Set<ProcessStatus>> LEGAL = Map.of(
            ALLOCATING, EnumSet.of(RESUMING, ACTIVE, FAILED),
            RESUMING, EnumSet.of(ACTIVE, FAILED),
            ACTIVE, EnumSet.of(SWAPPING_OUT, DELETED, FAILED),
            SWAPPING_OUT, EnumSet.of(SWAPPED, ACTIVE, FAILED),
            SWAPPED, EnumSet.noneOf(ProcessStatus.class),
            DELETED, EnumSet.noneOf(ProcessStatus.class),
            FAILED, EnumSet.noneOf(ProcessStatus.class));

    public boolean canMoveTo(ProcessStatus next) {
        return LEGAL.get(this).contains(next);
    }

    public boolean isTerminal() {
        return LEGAL.get(this).isEmpty();
    }
}
