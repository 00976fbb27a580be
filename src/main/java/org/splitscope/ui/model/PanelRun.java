package org.splitscope.ui.model;

import java.util.List;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What a panel that runs long work shows of it (running, progress, a status line, an error) and
 * the ticket of the run it shows. A run that was cancelled or replaced may still answer later (its
 * job stops at its next check); {@link #end} turns such a late answer away, so it can neither stop
 * the newer run's progress nor show its results in the newer run's place.
 */
final class PanelRun {
    static final String REFUSED = "Not run: the settings have problems";

    private final ReadOnlyBooleanWrapper running;
    private final ReadOnlyDoubleWrapper progress;
    private final ReadOnlyStringWrapper status;
    private final ReadOnlyStringWrapper error;
    private Object current;
    private BackgroundWork.Handle handle;

    PanelRun(Object bean, String initialStatus) {
        running = new ReadOnlyBooleanWrapper(bean, "running");
        progress = new ReadOnlyDoubleWrapper(bean, "progress");
        status = new ReadOnlyStringWrapper(bean, "status", initialStatus);
        error = new ReadOnlyStringWrapper(bean, "error", "");
    }

    ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    boolean isRunning() {
        return running.get();
    }

    /** Nothing runs: the error lists the settings' problems, each naming its field. */
    void refuse(List<String> problems) {
        error.set(String.join("\n", problems));
        status.set(REFUSED);
    }

    /** A new run is shown from now on; its answers must bring back the returned ticket. */
    Object start(String statusLine) {
        Object ticket = new Object();
        current = ticket;
        handle = null;
        error.set("");
        running.set(true);
        progress.set(0);
        status.set(statusLine);
        return ticket;
    }

    /** The background job of the current run, which {@link #cancelJob} cancels. */
    void attach(Object ticket, BackgroundWork.Handle job) {
        if (ticket == current) {
            handle = job;
        }
    }

    /** Asks the current run's job to stop; the run stays current until it answers or {@link #end}s. */
    boolean cancelJob() {
        if (handle == null) {
            return false;
        }
        handle.cancel();
        return true;
    }

    /** Whether the run was asked to stop (a job that noticed may answer with a failure). */
    boolean cancelRequested() {
        return handle != null && handle.isCancelled();
    }

    Object current() {
        return current;
    }

    /** Progress of the current run, 0 to 1; it never goes back, whatever order updates arrive in. */
    void progress(Object ticket, double share) {
        if (ticket == current && running.get()) {
            progress.set(Math.max(progress.get(), share));
        }
    }

    /**
     * Ends the run with this ticket and shows the status line.
     *
     * @return false, changing nothing, when the ticket is not the current run's (a late answer)
     */
    boolean end(Object ticket, String statusLine) {
        if (ticket == null || ticket != current) {
            return false;
        }
        current = null;
        handle = null;
        running.set(false);
        progress.set(0);
        status.set(statusLine);
        return true;
    }

    /** As {@link #end}, with an error message. */
    boolean fail(Object ticket, String statusLine, String message) {
        if (!end(ticket, statusLine)) {
            return false;
        }
        error.set(message);
        return true;
    }

    void status(String statusLine) {
        status.set(statusLine);
    }
}
