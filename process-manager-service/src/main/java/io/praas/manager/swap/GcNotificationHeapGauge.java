package io.praas.manager.swap;

import com.sun.management.GarbageCollectionNotificationInfo;
import org.springframework.stereotype.Component;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Reads the heap in use right after each garbage collection: unlike the current heap usage, it
 * does not count garbage, so it says how much memory live processes really hold.
 */
@Component
public class GcNotificationHeapGauge implements HeapGauge {

    private final long maxHeap = Runtime.getRuntime().maxMemory();
    private volatile Reading last = new Reading(0, 0);

    public GcNotificationHeapGauge() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener((notification, handback) -> {
                    if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        record(GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()));
                    }
                }, null, null);
            }
        }
    }

    // Notifications arrive on one JMX thread, so the read-modify-write of the count is not contended.
    private void record(GarbageCollectionNotificationInfo info) {
        long used = info.getGcInfo().getMemoryUsageAfterGc().values().stream().mapToLong(MemoryUsage::getUsed).sum();
        last = new Reading((double) used / maxHeap, last.collections() + 1);
    }

    @Override
    public Reading lastCollection() {
        return last;
    }
}
