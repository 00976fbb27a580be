package org.splitscope.optimize;

import java.util.concurrent.CancellationException;

/** Lets another thread stop a running search; the search then throws {@link CancellationException}. */
public final class CancellationToken {
    private volatile boolean cancelled;

    /** A fresh token that nobody cancels unless asked. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    void throwIfCancelled() {
        if (cancelled) {
            throw new CancellationException("the search was cancelled");
        }
    }
}
