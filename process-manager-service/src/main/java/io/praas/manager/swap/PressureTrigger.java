package io.praas.manager.swap;

/** Decides when heap readings call for relief: above the threshold, and once per garbage collection. */
final class PressureTrigger {

    private final double threshold;
    private long actedOnCollection;

    PressureTrigger(double threshold) {
        this.threshold = threshold;
    }

    /** Whether to swap processes out now; a reading already acted upon never triggers twice. */
    synchronized boolean shouldAct(HeapGauge.Reading reading) {
        if (reading.collections() == actedOnCollection || reading.usedFraction() < threshold) {
            return false;
        }
        actedOnCollection = reading.collections();
        return true;
    }
}
