package io.praas.manager.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When live processes next need a look (whether one has been idle past its app's idle timeout, whether its changes
 * are due for a checkpoint), in order, so that a periodic check looks only at the processes whose time has come
 * instead of at every live one: with scans, a manager holding many idle processes spent CPU on all of them several
 * times a second. A deadline names an activation (key and epoch), not the process object: one left behind by a
 * process that has gone since costs a few bytes until it comes due and is dropped.
 */
final class ProcessDeadlines {

    private final ConcurrentSkipListSet<Deadline> deadlines = new ConcurrentSkipListSet<>();
    private final AtomicLong sequence = new AtomicLong();

    void add(ProcessKey key, long epoch, Instant due) {
        deadlines.add(new Deadline(due.toEpochMilli(), sequence.incrementAndGet(), key, epoch));
    }

    /** Takes out and returns, earliest first, every deadline that has come by {@code now}. */
    List<Deadline> takeDue(Instant now) {
        long nowMillis = now.toEpochMilli();
        List<Deadline> due = new ArrayList<>();
        for (Deadline first = deadlines.pollFirst(); first != null; first = deadlines.pollFirst()) {
            if (first.dueMillis() > nowMillis) {
                deadlines.add(first);
                break;
            }
            due.add(first);
        }
        return due;
    }

    int size() {
        return deadlines.size();
    }

    /**
     * One per live process, so kept small: the time as epoch milliseconds rather than an {@link Instant} object. The
     * sequence number only keeps two deadlines of the same millisecond apart.
     */
    record Deadline(long dueMillis, long sequence, ProcessKey key, long epoch) implements Comparable<Deadline> {

        @Override
        public int compareTo(Deadline other) {
            int byTime = Long.compare(dueMillis, other.dueMillis);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
