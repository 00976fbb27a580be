package org.splitscope.optimize;

/**
 * Receives progress from a running search. It may be called from worker threads, so an
 * implementation that touches a user interface must hand the update over to its own thread.
 */
@FunctionalInterface
public interface Progress {
    Progress NONE = (done, total) -> { };

    /** {@code done} of {@code total} steps are finished (the unit of a step is the search's own). */
    void update(long done, long total);
}
