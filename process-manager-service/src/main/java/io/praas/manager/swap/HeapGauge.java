package io.praas.manager.swap;

/** How full the manager's heap was after its most recent garbage collection. */
@FunctionalInterface
public interface HeapGauge {

    /**
     * @param usedFraction live heap after that collection, from 0 to 1 of the maximum heap
     * @param collections  how many collections have been seen so far: a new reading only when it grows
     */
    record Reading(double usedFraction, long collections) {
    }

    Reading lastCollection();
}
