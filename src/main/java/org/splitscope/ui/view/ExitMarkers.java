package org.splitscope.ui.view;

import java.util.Locale;

import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.splitscope.chart.Formats;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.StripData;

/**
 * The strip's exit markers, one per exit head, on the boundary after the unit it attaches to.
 * A click enables or disables the exit; above each enabled exit, the share of requests that
 * leave there. The threshold is set with the exit's slider below the strip.
 */
final class ExitMarkers {
    private final PlanEditor editor;
    private final Pane pane = new Pane();

    ExitMarkers(PlanEditor editor) {
        this.editor = editor;
        pane.setManaged(false);
        pane.setPickOnBounds(false);
    }

    Pane pane() {
        return pane;
    }

    void layout(StripData d, StripGeometry g, double top) {
        ObservableList<Node> nodes = pane.getChildren();
        while (nodes.size() < 2 * d.exits().size()) {
            Region marker = new Region();
            marker.getStyleClass().add("exit-marker");
            marker.setCursor(Cursor.HAND);
            Tooltip tip = new Tooltip();
            Tooltip.install(marker, tip);
            marker.getProperties().put(Tooltip.class, tip);
            Label share = new Label();
            share.getStyleClass().add("exit-share");
            share.setMouseTransparent(true);
            marker.setManaged(false); // placed by the strip, not sized by its pane
            share.setManaged(false);
            nodes.addAll(marker, share);
        }
        nodes.remove(2 * d.exits().size(), nodes.size());
        for (int i = 0; i < d.exits().size(); i++) {
            StripData.ExitMark e = d.exits().get(i);
            Region marker = (Region) nodes.get(2 * i);
            Label share = (Label) nodes.get(2 * i + 1);
            marker.setId("exit-marker-" + e.id());
            marker.getStyleClass().setAll("exit-marker", e.enabled() || e.terminal() ? "exit-on" : "exit-off");
            marker.setOnMouseClicked(ev -> {
                if (!e.terminal()) {
                    editor.toggleExit(e.id());
                }
                ev.consume();
            });
            ((Tooltip) marker.getProperties().get(Tooltip.class)).setText(e.id() + " after unit " + e.afterUnit()
                    + (e.terminal() ? ": the plan ends here" : e.enabled()
                    ? String.format(Locale.ROOT, ": enabled, threshold %.3f; click to disable", e.threshold())
                    : ": disabled; click to enable"));
            double x = g.boundaryX(e.afterUnit());
            marker.resizeRelocate(x - 6, top - 6, 12, 12);
            share.setId("exit-share-" + e.id());
            share.setText(e.share() == null ? "" : Formats.percent(e.share()));
            share.resizeRelocate(x - 30, 0, 60, 14);
        }
    }
}
