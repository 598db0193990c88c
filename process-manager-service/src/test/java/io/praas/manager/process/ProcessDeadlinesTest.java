package io.praas.manager.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProcessDeadlinesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ProcessDeadlines deadlines = new ProcessDeadlines();

    @Test
    void onlyDeadlinesThatHaveComeAreTakenEarliestFirst() {
        deadlines.add(new ProcessKey("shop", "late"), 1, T0.plusSeconds(60));
        deadlines.add(new ProcessKey("shop", "second"), 1, T0.plusSeconds(20));
        deadlines.add(new ProcessKey("shop", "first"), 1, T0.plusSeconds(10));

        assertThat(deadlines.takeDue(T0.plusSeconds(20)))
                .extracting(deadline -> deadline.key().session())
                .containsExactly("first", "second");
        assertThat(deadlines.size()).isEqualTo(1);
        assertThat(deadlines.takeDue(T0.plusSeconds(59))).isEmpty();
        assertThat(deadlines.takeDue(T0.plusSeconds(60))).extracting(ProcessDeadlines.Deadline::epoch).containsExactly(1L);
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void deadlinesOfTheSameInstantAreAllKept() {
        for (int session = 0; session < 100; session++) {
            deadlines.add(new ProcessKey("shop", "s" + session), session, T0);
        }

        assertThat(deadlines.takeDue(T0)).hasSize(100);
    }
}
