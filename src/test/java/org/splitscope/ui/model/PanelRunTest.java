package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A panel shows one run at a time; answers of a run it no longer shows change nothing. */
class PanelRunTest {
    private final PanelRun run = new PanelRun(this, "Not run yet");

    @Test
    void aRunStartsClearedAndEndsWithItsStatus() {
        run.refuse(List.of("requests: must be at least 2"));
        assertEquals(PanelRun.REFUSED, run.statusProperty().get());
        assertEquals("requests: must be at least 2", run.errorProperty().get());
        assertFalse(run.isRunning());

        Object t = run.start("Working…");
        assertTrue(run.isRunning());
        assertEquals("", run.errorProperty().get(), "a new run clears the last error");
        assertEquals("Working…", run.statusProperty().get());
        run.progress(t, 0.5);
        assertEquals(0.5, run.progressProperty().get());
        assertTrue(run.fail(t, "Failed", "the worker died"));
        assertFalse(run.isRunning());
        assertEquals(0, run.progressProperty().get());
        assertEquals("Failed", run.statusProperty().get());
        assertEquals("the worker died", run.errorProperty().get());
    }

    @Test
    void aReplacedRunsLateAnswersChangeNothing() {
        Object first = run.start("first");
        BackgroundWork.Handle firstJob = new BackgroundWork.Handle();
        run.attach(first, firstJob);
        assertTrue(run.cancelJob());
        assertTrue(firstJob.isCancelled());
        Object second = run.start("second");
        run.attach(first, new BackgroundWork.Handle()); // the first job's handle arriving late
        assertFalse(run.cancelRequested(), "the second run has no job yet, and the first's is not taken for it");

        run.progress(first, 0.9);
        assertEquals(0, run.progressProperty().get(), "the first run's progress is not the second's");
        assertFalse(run.end(first, "Cancelled"));
        assertFalse(run.fail(first, "Failed", "cancelled"));
        assertTrue(run.isRunning(), "the second run still runs");
        assertEquals("second", run.statusProperty().get());
        assertEquals("", run.errorProperty().get());

        assertTrue(run.end(second, "done"));
        assertFalse(run.end(second, "again"), "a run ends once");
        assertEquals("done", run.statusProperty().get());
    }

    @Test
    void progressNeverGoesBack() {
        Object t = run.start("Working…");
        run.progress(t, 0.6);
        run.progress(t, 0.4); // updates from two threads may arrive out of order
        assertEquals(0.6, run.progressProperty().get());
        run.end(t, "done");
        run.progress(t, 0.9);
        assertEquals(0, run.progressProperty().get(), "nothing after the end");
    }

    @Test
    void withoutAJobThereIsNothingToCancel() {
        assertFalse(run.cancelJob());
        Object t = run.start("Working…");
        assertFalse(run.cancelJob());
        run.attach(t, new BackgroundWork.Handle());
        assertTrue(run.cancelJob());
        assertTrue(run.cancelRequested());
    }
}
