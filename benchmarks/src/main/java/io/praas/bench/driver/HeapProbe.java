package io.praas.bench.driver;

import com.sun.tools.attach.VirtualMachine;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Reads another local JVM's heap after a full collection, through the JDK's attach API. */
public final class HeapProbe implements AutoCloseable {

    private final JMXConnector connector;
    private final MemoryMXBean memory;

    public HeapProbe(long pid) {
        try {
            VirtualMachine vm = VirtualMachine.attach(String.valueOf(pid));
            try {
                connector = JMXConnectorFactory.connect(new JMXServiceURL(vm.startLocalManagementAgent()));
            } finally {
                vm.detach();
            }
            MBeanServerConnection server = connector.getMBeanServerConnection();
            memory = ManagementFactory.newPlatformMXBeanProxy(server, ManagementFactory.MEMORY_MXBEAN_NAME,
                    MemoryMXBean.class);
        } catch (Exception e) {
            throw new IllegalStateException("cannot attach to JVM " + pid + ": " + e.getMessage(), e);
        }
    }

    /** Heap bytes in use after two full collections (the second clears what finalization freed). */
    public long usedAfterGc() {
        memory.gc();
        memory.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    public long maxHeap() {
        return memory.getHeapMemoryUsage().getMax();
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }
}
