package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The test thread as the UI thread: background results queue here and run only while the test
 * waits in {@link #runUntil}, so a view-model test needs no JavaFX toolkit.
 */
final class UiQueue {
    private final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final BackgroundWork work = new BackgroundWork(queue::add);
    private final Duration limit;
    private final long pollMillis;

    /** Waits at most 60 s, looking at the queue every 50 ms. */
    UiQueue() {
        this(Duration.ofSeconds(60), 50);
    }

    UiQueue(Duration limit, long pollMillis) {
        this.limit = limit;
        this.pollMillis = pollMillis;
    }

    /** The background work whose results come to this queue. */
    BackgroundWork work() {
        return work;
    }

    /** Hands a task to the UI thread, as a model's {@code ui} argument. */
    void add(Runnable task) {
        queue.add(task);
    }

    /** Runs the queued UI tasks until {@code done} holds; fails "timed out" after the limit. */
    void runUntil(BooleanSupplier done) throws InterruptedException {
        assertTrue(tryRunUntil(done, limit), "timed out");
    }

    /** Runs the queued UI tasks until {@code done} holds or {@code within} has passed; says whether it holds. */
    boolean tryRunUntil(BooleanSupplier done, Duration within) throws InterruptedException {
        long end = System.nanoTime() + within.toNanos();
        while (!done.getAsBoolean() && System.nanoTime() < end) {
            Runnable r = queue.poll(pollMillis, TimeUnit.MILLISECONDS);
            if (r != null) {
                r.run();
            }
        }
        return done.getAsBoolean();
    }
}
