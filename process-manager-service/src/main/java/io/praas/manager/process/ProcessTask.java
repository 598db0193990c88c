package io.praas.manager.process;

/** Work that runs in a process's turn: an activation, an invocation, a swap-out, a deletion. */
interface ProcessTask {

    /** Runs on the process's worker, never concurrently with another task of the same process. */
    void run(CloudProcess process);

    /**
     * The task will not run in this process: the process ended before its turn (swapped out or
     * deleted when {@code reason} is null, failed when it says why), or refused it (a full queue).
     */
    void notRun(CloudProcess process, Throwable reason);

    /** Whether the task counts against the bound of pending invocations. */
    default boolean counted() {
        return false;
    }
}
