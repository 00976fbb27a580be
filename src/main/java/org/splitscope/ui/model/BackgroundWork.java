package org.splitscope.ui.model;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs long work (sweeps, file loading) off the FX thread, with progress and Cancel. The status
 * bar shows the job started last. Results, errors and progress are handed to the UI through the
 * given executor ({@code Platform::runLater} in the window; a direct call in tests).
 */
public final class BackgroundWork {
    /** A piece of work that reports progress and stops when asked. */
    public interface Job<T> {
        T run(Progress progress) throws Exception;
    }

    public interface Progress {
        void update(double fraction, String message);

        boolean cancelled();

        /** Throws {@link CancellationException} if the job was cancelled (a convenient exit). */
        default void checkCancelled() {
            if (cancelled()) {
                throw new CancellationException();
            }
        }
    }

    /** A submitted job. */
    public static final class Handle {
        private volatile boolean cancelled;

        public void cancel() {
            cancelled = true;
        }

        public boolean isCancelled() {
            return cancelled;
        }
    }

    private final Consumer<Runnable> ui;
    private final ExecutorService pool;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final AtomicInteger active = new AtomicInteger();
    private Handle shown;

    public BackgroundWork(Consumer<Runnable> ui) {
        this.ui = ui;
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "splitscope-background-" + n.incrementAndGet());
            t.setDaemon(true); // never keeps the application alive after its window closed
            return t;
        });
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Progress of the job shown, 0 to 1, or -1 when unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Cancels the job the status bar shows. */
    public void cancel() {
        if (shown != null) {
            shown.cancel();
        }
    }

    /**
     * Runs the job in the background. {@code onDone} or {@code onError} then runs on the UI,
     * unless the job was cancelled.
     */
    public <T> Handle submit(String title, Job<T> job, Consumer<T> onDone, Consumer<Throwable> onError) {
        return submit(title, job, onDone, onError, () -> { });
    }

    /** As {@link #submit(String, Job, Consumer, Consumer)}; {@code onCancelled} runs on the UI once a cancelled job stopped. */
    public <T> Handle submit(String title, Job<T> job, Consumer<T> onDone, Consumer<Throwable> onError,
                             Runnable onCancelled) {
        Handle handle = new Handle();
        shown = handle;
        active.incrementAndGet();
        running.set(true);
        progress.set(-1);
        message.set(title);
        Progress reporter = new Progress() {
            @Override
            public void update(double fraction, String text) {
                ui.accept(() -> {
                    if (shown == handle) {
                        progress.set(fraction);
                        message.set(text);
                    }
                });
            }

            @Override
            public boolean cancelled() {
                return handle.isCancelled();
            }
        };
        pool.execute(() -> {
            T result = null;
            Throwable error = null;
            try {
                result = job.run(reporter);
            } catch (CancellationException e) {
                handle.cancel();
            } catch (Exception | LinkageError e) {
                error = e;
            }
            T r = result;
            Throwable x = error;
            ui.accept(() -> finish(handle, r, x, onDone, onError, onCancelled));
        });
        return handle;
    }

    private <T> void finish(Handle handle, T result, Throwable error, Consumer<T> onDone, Consumer<Throwable> onError,
                            Runnable onCancelled) {
        if (active.decrementAndGet() == 0) {
            running.set(false);
            message.set("");
            progress.set(0);
        }
        if (handle.isCancelled()) {
            onCancelled.run();
            return;
        }
        if (error != null) {
            onError.accept(error);
        } else {
            onDone.accept(result);
        }
    }
}
