package io.praas.manager.swap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PressureTriggerTest {

    private final PressureTrigger trigger = new PressureTrigger(0.8);

    @Test
    void heapBelowTheThresholdNeedsNoRelief() {
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0.79, 1))).isFalse();
    }

    @Test
    void fullHeapTriggersReliefOncePerCollection() {
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0.9, 1))).isTrue();
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0.9, 1))).as("same collection: memory not yet reclaimed").isFalse();
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0.85, 2))).isTrue();
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0.5, 3))).isFalse();
    }

    @Test
    void noCollectionYetMeansNoReading() {
        assertThat(trigger.shouldAct(new HeapGauge.Reading(0, 0))).isFalse();
    }
}
