package io.praas.manager.process;

import org.junit.jupiter.api.Test;

import static io.praas.manager.process.ProcessStatus.ACTIVE;
import static io.praas.manager.process.ProcessStatus.ALLOCATING;
import static io.praas.manager.process.ProcessStatus.DELETED;
import static io.praas.manager.process.ProcessStatus.FAILED;
import static io.praas.manager.process.ProcessStatus.RESUMING;
import static io.praas.manager.process.ProcessStatus.SWAPPED;
import static io.praas.manager.process.ProcessStatus.SWAPPING_OUT;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessStatusTest {

    @Test
    void lifecycleFollowsTheTransitionTable() {
        assertThat(ALLOCATING.canMoveTo(ACTIVE)).isTrue();
        assertThat(ALLOCATING.canMoveTo(RESUMING)).isTrue();
        assertThat(RESUMING.canMoveTo(ACTIVE)).isTrue();
        assertThat(ACTIVE.canMoveTo(SWAPPING_OUT)).isTrue();
        assertThat(SWAPPING_OUT.canMoveTo(SWAPPED)).isTrue();
        assertThat(SWAPPING_OUT.canMoveTo(ACTIVE)).as("a failed swap-out keeps serving").isTrue();
        assertThat(ACTIVE.canMoveTo(DELETED)).isTrue();
    }

    @Test
    void illegalMovesAreRefused() {
        assertThat(ACTIVE.canMoveTo(ALLOCATING)).isFalse();
        assertThat(ALLOCATING.canMoveTo(SWAPPING_OUT)).isFalse();
        assertThat(RESUMING.canMoveTo(SWAPPED)).isFalse();
        assertThat(SWAPPED.canMoveTo(ACTIVE)).as("a swapped instance never comes back; a new one resumes").isFalse();
    }

    @Test
    void endedStatesAreTerminal() {
        assertThat(SWAPPED.isTerminal()).isTrue();
        assertThat(DELETED.isTerminal()).isTrue();
        assertThat(FAILED.isTerminal()).isTrue();
        assertThat(ACTIVE.isTerminal()).isFalse();
    }
}
