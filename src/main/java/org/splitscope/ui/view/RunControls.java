package org.splitscope.ui.view;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableNumberValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;

/**
 * Run, Cancel and a progress bar for one background job of a panel: Run is off while it runs,
 * Cancel only then, and the bar shows only then. Ids are {@code PREFIX-run}, {@code -cancel},
 * {@code -progress}.
 */
final class RunControls {
    private RunControls() {
    }

    static List<Node> of(String idPrefix, String runLabel, Runnable run, Runnable cancel, ObservableBooleanValue running,
                         ObservableNumberValue progress) {
        Button start = new Button(runLabel);
        start.setId(idPrefix + "-run");
        start.setOnAction(e -> run.run());
        start.disableProperty().bind(Bindings.createBooleanBinding(running::get, running));
        Button stop = new Button("Cancel");
        stop.setId(idPrefix + "-cancel");
        stop.setOnAction(e -> cancel.run());
        stop.disableProperty().bind(Bindings.createBooleanBinding(() -> !running.get(), running));
        ProgressBar bar = new ProgressBar();
        bar.setId(idPrefix + "-progress");
        bar.progressProperty().bind(Bindings.createDoubleBinding(() -> progress.doubleValue(), progress));
        bar.visibleProperty().bind(Bindings.createBooleanBinding(running::get, running));
        return List.of(start, stop, bar);
    }
}
