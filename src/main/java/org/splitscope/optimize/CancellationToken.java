package org.splitscope.optimize;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Lets another thread stop a running search; the search then throws {@link CancellationException}.
 * A token may also carry a deadline ({@link #withTimeLimit}): it then trips by itself once its
 * clock passes the deadline, and {@link #timedOut()} tells that stop from a {@link #cancel()}.
 */
public final class CancellationToken {
    private static final int RUNNING = 0;
    private static final int CANCELLED = 1;
    private static final int TIMED_OUT = 2;

    /** Who stopped the search first: the caller or the deadline; a later stop does not change it. */
    private final AtomicInteger state = new AtomicInteger(RUNNING);
    private final LongSupplier clock; // null without a deadline
    private final long started;
    private final long limit;

    public CancellationToken() {
        this(null, 0);
    }

    private CancellationToken(LongSupplier clock, long limitNanos) {
        this.clock = clock;
        this.limit = limitNanos;
        this.started = clock == null ? 0 : clock.getAsLong();
    }

    /** A fresh token that nobody cancels unless asked. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    /** A token that trips once {@code limit} has passed from now, and that can still be cancelled before. */
    public static CancellationToken withTimeLimit(Duration limit) {
        return withTimeLimit(limit, System::nanoTime);
    }

    /**
     * As {@link #withTimeLimit(Duration)}, on a clock of nanoseconds (tests step one so that a
     * search trips at a known check). The clock must be safe to read from several threads.
     */
    public static CancellationToken withTimeLimit(Duration limit, LongSupplier nanoClock) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("a time limit must be more than 0, got " + limit);
        }
        long nanos;
        try {
            nanos = limit.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE; // beyond 292 years: never trips
        }
        return new CancellationToken(nanoClock, nanos);
    }

    public void cancel() {
        state.compareAndSet(RUNNING, CANCELLED);
    }

    public boolean isCancelled() {
        if (state.get() != RUNNING) {
            return true;
        }
        if (clock != null && clock.getAsLong() - started >= limit) {
            state.compareAndSet(RUNNING, TIMED_OUT);
            return true;
        }
        return false;
    }

    /** Whether the token tripped at its deadline before anyone cancelled it. */
    public boolean timedOut() {
        return state.get() == TIMED_OUT;
    }

    /** Nanoseconds on the token's clock since it was made; 0 for a token without a deadline. */
    public long elapsedNanos() {
        return clock == null ? 0 : clock.getAsLong() - started;
    }

    void throwIfCancelled() {
        if (isCancelled()) {
            throw new CancellationException("the search was cancelled");
        }
    }
}
