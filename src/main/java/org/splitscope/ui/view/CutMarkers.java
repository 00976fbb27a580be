package org.splitscope.ui.view;


import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.StripData;

/**
 * The strip's cut markers. Marker k stands on cut k and, dragged, moves it to the nearest unit
 * boundary; one drag is one undo step. Markers are reused between updates, so that the one under
 * the mouse keeps receiving its drag while the plan changes underneath it.
 */
final class CutMarkers {
    private final ModelStripView strip;
    private final PlanEditor editor;
    private final Pane pane = new Pane();

    CutMarkers(ModelStripView strip, PlanEditor editor) {
        this.strip = strip;
        this.editor = editor;
        pane.setManaged(false);
        pane.setPickOnBounds(false);
    }

    Pane pane() {
        return pane;
    }

    void layout(StripData d, StripGeometry g, double top, double height) {
        ObservableList<Node> nodes = pane.getChildren();
        while (nodes.size() < d.cuts().size()) {
            nodes.add(marker(nodes.size()));
        }
        nodes.remove(d.cuts().size(), nodes.size());
        for (int k = 0; k < nodes.size(); k++) {
            int after = d.cuts().get(k);
            Region r = (Region) nodes.get(k);
            r.resizeRelocate(g.boundaryX(after) - 5, top - 6, 10, height + 14);
            ((Tooltip) r.getProperties().get(Tooltip.class)).setText("cut " + (k + 1) + ": after unit " + after
                    + " (" + d.bars().get(after - 1).name() + "); drag to move, right-click to remove");
        }
    }

    private Region marker(int k) {
        Region r = new Region();
        r.getStyleClass().add("cut-marker");
        r.setManaged(false); // placed by the strip, not sized by its pane
        r.setId("cut-marker-" + k);
        r.setCursor(Cursor.H_RESIZE);
        Tooltip tip = new Tooltip();
        Tooltip.install(r, tip);
        r.getProperties().put(Tooltip.class, tip);
        r.setOnMouseDragged(e -> {
            Point2D p = strip.sceneToLocal(e.getSceneX(), e.getSceneY());
            editor.moveCut(k, strip.boundaryAt(p.getX()));
            e.consume();
        });
        r.setOnMouseReleased(e -> editor.endGesture());
        r.setOnMouseClicked(e -> e.consume()); // a double-click on a marker is not a new cut
        r.setOnContextMenuRequested(e -> {
            MenuItem remove = new MenuItem("Remove this cut");
            remove.setOnAction(a -> editor.removeCut(k));
            new ContextMenu(remove).show(r, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        return r;
    }
}
