package org.splitscope.testbed;

import java.util.concurrent.locks.LockSupport;

/** Waiting for a time on the {@link System#nanoTime()} scale, which every testbed process shares on one machine. */
final class Deadlines {
    private Deadlines() {
    }

    /**
     * Parks until the deadline (a park may wake early, so it parks again). No spinning: the
     * cores are shared with the stages being measured; a park wakes tens of microseconds late.
     */
    static void parkUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }

    /** Parks until {@code spinNanos} before the deadline and spins the rest, for a wake-up on time. */
    static void parkThenSpinUntil(long deadline, long spinNanos) {
        parkUntil(deadline - spinNanos);
        while (deadline - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
    }
}
