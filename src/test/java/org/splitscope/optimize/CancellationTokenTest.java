package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** A token with a time limit trips by itself at its deadline, and tells that stop from the caller's. */
class CancellationTokenTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private CancellationToken limited(Duration limit) {
        return CancellationToken.withTimeLimit(limit, now::get);
    }

    @Test
    void tripsAtTheDeadlineAndNotBefore() {
        CancellationToken t = limited(Duration.ofMillis(30));
        now.addAndGet(29_999_999);
        assertFalse(t.isCancelled());
        assertFalse(t.timedOut());
        t.throwIfCancelled();
        now.incrementAndGet();
        assertTrue(t.isCancelled());
        assertTrue(t.timedOut());
        assertThrows(CancellationException.class, t::throwIfCancelled);
        assertEquals(30_000_000, t.elapsedNanos());
    }

    @Test
    void theCallersCancelStillWorksAndIsNoTimeOut() {
        CancellationToken t = limited(Duration.ofSeconds(1));
        t.cancel();
        assertTrue(t.isCancelled());
        now.addAndGet(2_000_000_000L);
        assertTrue(t.isCancelled());
        assertFalse(t.timedOut(), "the caller stopped it first");
    }

    @Test
    void aCancelAfterTheDeadlineTrippedLeavesItATimeOut() {
        CancellationToken t = limited(Duration.ofNanos(5));
        now.addAndGet(5);
        assertTrue(t.isCancelled());
        t.cancel();
        assertTrue(t.timedOut());
    }

    @Test
    void aTokenWithoutALimitNeverTripsByItself() {
        CancellationToken t = CancellationToken.none();
        assertFalse(t.isCancelled());
        assertFalse(t.timedOut());
        assertEquals(0, t.elapsedNanos());
        CancellationToken forever = CancellationToken.withTimeLimit(Duration.ofDays(365 * 1000L), now::get);
        now.set(Long.MAX_VALUE / 2);
        assertFalse(forever.isCancelled(), "a limit past a long's nanoseconds never trips");
    }

    @Test
    void aLimitMustBeMoreThanZero() {
        assertThrows(IllegalArgumentException.class, () -> CancellationToken.withTimeLimit(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> CancellationToken.withTimeLimit(Duration.ofSeconds(-1)));
    }
}
