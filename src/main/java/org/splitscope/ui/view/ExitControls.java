package org.splitscope.ui.view;

import java.util.List;
import java.util.Locale;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.splitscope.chart.Formats;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.StripData;
import org.splitscope.ui.model.StripModel;

/**
 * One row per exit head: enable it, set its threshold with a slider (one slider drag is one
 * undo step), and the share of requests leaving there. Rows are kept while the exits stay the
 * same, so that a slider being dragged is never replaced under the mouse.
 */
final class ExitControls extends VBox {
    private final PlanEditor editor;
    private List<String> shownIds = List.of();

    ExitControls(StripModel model, PlanEditor editor) {
        this.editor = editor;
        getStyleClass().add("exit-controls");
        model.dataProperty().addListener((o, a, d) -> show(d));
        show(model.getData());
    }

    private void show(StripData d) {
        List<String> ids = d.exits().stream().map(StripData.ExitMark::id).toList();
        if (!ids.equals(shownIds)) {
            getChildren().setAll(d.exits().stream().map(this::row).toList());
            if (ids.isEmpty()) {
                getChildren().add(new Label("This model has no early exits."));
            }
            shownIds = ids;
        }
        for (int i = 0; i < ids.size(); i++) {
            ((Row) getChildren().get(i)).show(d.exits().get(i));
        }
    }

    /** Every row's switch as wide as the widest, so that the sliders line up (exit9 and exit10 differ by a digit). */
    @Override
    protected void layoutChildren() {
        double widest = 0;
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof Row r) {
                widest = Math.max(widest, r.enabled.prefWidth(-1));
            }
        }
        for (javafx.scene.Node n : getChildren()) {
            if (n instanceof Row r && r.enabled.getMinWidth() != widest) {
                r.enabled.setMinWidth(widest);
            }
        }
        super.layoutChildren();
    }

    private Row row(StripData.ExitMark e) {
        return new Row(e.id());
    }

    private final class Row extends HBox {
        private final CheckBox enabled = new CheckBox();
        private final Slider slider = new Slider();
        private final Label value = new Label();
        private final Label share = new Label();
        private boolean updating;

        Row(String id) {
            getStyleClass().add("exit-row");
            setAlignment(Pos.CENTER_LEFT);
            enabled.setId("exit-enabled-" + id);
            slider.setId("exit-threshold-" + id);
            share.setId("exit-share-text-" + id);
            value.getStyleClass().add("exit-threshold-value");
            share.getStyleClass().add("exit-share-text");
            enabled.setOnAction(a -> editor.toggleExit(id));
            slider.valueProperty().addListener((o, a, v) -> {
                if (!updating) {
                    editor.setThreshold(id, v.doubleValue());
                    if (!slider.isValueChanging()) {
                        editor.endGesture(); // a key press or a click on the track: a step of its own
                    }
                }
            });
            slider.valueChangingProperty().addListener((o, was, now) -> {
                if (!now) {
                    editor.endGesture();
                }
            });
            slider.setOnMouseReleased(e -> editor.endGesture());
            getChildren().addAll(enabled, slider, value, share);
        }

        void show(StripData.ExitMark e) {
            updating = true;
            enabled.setText(e.id() + " after unit " + e.afterUnit());
            enabled.setSelected(e.enabled() || e.terminal());
            enabled.setDisable(e.terminal());
            slider.setMin(e.range().min());
            slider.setMax(e.range().max());
            slider.setValue(e.threshold());
            slider.setDisable(!e.enabled());
            updating = false;
            value.setText(String.format(Locale.ROOT, "%.3f", e.threshold()));
            share.setText(e.share() == null ? "" : Formats.percent(e.share()) + " leave here");
        }
    }
}
