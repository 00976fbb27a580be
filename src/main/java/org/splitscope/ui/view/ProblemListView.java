package org.splitscope.ui.view;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.model.Problem;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.ProblemValues;
import org.splitscope.ui.model.ScenarioDocument;

/**
 * Why the scenario cannot be evaluated (each problem naming the element and field at fault in the
 * window's words, with the value in the window's unit and the JSON path last; see
 * {@link ProblemValues}), then the evaluator's warnings about the last valid metrics. Empty and
 * quiet when all is well.
 */
public final class ProblemListView extends VBox {
    private final LiveMetrics metrics;
    private final ScenarioDocument document;
    private final ListView<String> list = new ListView<>();
    private final Label heading = new Label();

    public ProblemListView(LiveMetrics metrics, ScenarioDocument document) {
        this.metrics = metrics;
        this.document = document;
        getStyleClass().add("problem-list");
        list.setId("problem-list");
        heading.getStyleClass().add("panel-heading");
        list.setCellFactory(v -> new ListCell<>() {
            {
                // a long problem wraps within the list's width instead of ending in "..."
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("problem", "warning");
                if (!empty) {
                    getStyleClass().add(item.startsWith("warning: ") ? "warning" : "problem");
                }
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(heading, list);
        metrics.problemsProperty().addListener((ListChangeListener<Problem>) c -> refresh());
        metrics.metricsProperty().addListener(o -> refresh());
        refresh();
    }

    private void refresh() {
        list.getItems().clear();
        for (Problem p : metrics.problemsProperty()) {
            list.getItems().add(ProblemValues.describe(document.getScenario(), p));
        }
        Metrics m = metrics.getMetrics();
        if (m != null) {
            for (String w : m.warnings()) {
                list.getItems().add("warning: " + w);
            }
        }
        heading.setText(heading(metrics.problemsProperty().size(), list.getItems().size() - metrics.problemsProperty().size(),
                metrics.isStale()));
    }

    /** "Problems: none" only when the list below is empty too: warnings are counted beside the problems. */
    static String heading(int problems, int warnings, boolean stale) {
        String w = warnings == 0 ? "" : warnings == 1 ? "1 warning" : warnings + " warnings";
        if (problems == 0) {
            return warnings == 0 ? "Problems: none" : "Problems: none · " + w;
        }
        return "Problems: " + problems + (w.isEmpty() ? "" : " · " + w)
                + (stale ? " (metrics shown are the last valid ones, greyed)" : "");
    }
}
