package org.splitscope.ui.view;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.SummaryModel;

/** The headline figures in a row of tiles; greyed while they belong to an earlier, valid scenario. */
public final class SummaryView extends HBox {
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");

    public SummaryView(SummaryModel summary, LiveMetrics metrics) {
        getStyleClass().add("summary");
        setId("summary");
        getChildren().addAll(
                tile("expected-latency", "Expected latency", summary.expectedLatencyProperty(), summary.loadedProperty()),
                tile("p95-latency", "p95 latency", summary.p95Property(), null),
                tile("accuracy", "Accuracy", summary.accuracyProperty(), summary.accuracyMethodProperty()),
                tile("cost", "Cost per million requests", summary.costPerMillionProperty(), null),
                tile("throughput", "Throughput", summary.throughputProperty(), null),
                tile("bottleneck", "Bottleneck", summary.bottleneckProperty(), null));
        pseudoClassStateChanged(STALE, metrics.isStale());
        metrics.staleProperty().addListener((o, a, stale) -> pseudoClassStateChanged(STALE, stale));
    }

    private static VBox tile(String id, String title, ObservableValue<String> value, ObservableValue<String> detail) {
        Label t = new Label(title);
        t.getStyleClass().add("figure-title");
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        v.textProperty().bind(value);
        VBox box = new VBox(t, v);
        if (detail != null) {
            Label d = new Label();
            d.setId(id + "-detail");
            d.getStyleClass().add("figure-detail");
            d.textProperty().bind(detail);
            box.getChildren().add(d);
        }
        box.getStyleClass().add("figure");
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }
}
