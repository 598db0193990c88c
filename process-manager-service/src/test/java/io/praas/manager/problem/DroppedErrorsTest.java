package io.praas.manager.problem;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.netty.channel.AbortedException;

class DroppedErrorsTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(DroppedErrors.class);
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        logger.setLevel(Level.DEBUG);
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(events);
        logger.setLevel(null);
    }

    @Test
    void callerThatResetItsConnectionAfterItsRequestEndedIsNotLoggedAsAnError() {
        DroppedErrors.log(new IOException("Connection reset by peer"));
        DroppedErrors.log(new AbortedException("Connection has been closed"));

        assertThat(levels()).containsExactly(Level.DEBUG, Level.DEBUG);
    }

    @Test
    void anyOtherDroppedErrorIsStillLoggedAsAnErrorWithItsCause() {
        IllegalStateException bug = new IllegalStateException("a bug in an operator");

        DroppedErrors.log(bug);

        assertThat(levels()).containsExactly(Level.ERROR);
        assertThat(events.list.getFirst().getThrowableProxy().getMessage()).isEqualTo("a bug in an operator");
    }

    private List<Level> levels() {
        return events.list.stream().map(ILoggingEvent::getLevel).toList();
    }
}
