package org.splitscope.ui.view;

import javafx.geometry.Point2D;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import org.splitscope.model.Node;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * What the mouse does to a node glyph: press selects it; drag moves it (dropped in another band,
 * it changes tier; the move is one undo step, on release); Shift-drag draws a line to another node and links the two on release; the
 * context menu links, sets source or sink, or deletes.
 */
final class NodeGestures {
    private final TopologyView view;
    private final TopologyEditor editor;
    private final NodeGlyph glyph;
    private final Line rubberBand;
    private boolean linking;
    private boolean moved;
    /** From the pointer to the node's centre when the press began, so that the node does not jump to the pointer. */
    private Point2D grip = Point2D.ZERO;

    NodeGestures(TopologyView view, TopologyEditor editor, NodeGlyph glyph, Line rubberBand) {
        this.view = view;
        this.editor = editor;
        this.glyph = glyph;
        this.rubberBand = rubberBand;
    }

    void install() {
        glyph.setOnMousePressed(this::pressed);
        glyph.setOnMouseDragged(this::dragged);
        glyph.setOnMouseReleased(this::released);
        glyph.setOnMouseClicked(MouseEvent::consume);
        glyph.setOnContextMenuRequested(e -> {
            menu().show(glyph, e.getScreenX(), e.getScreenY());
            e.consume();
        });
    }

    /** The pointer in the drawing's coordinates, whatever the zoom and pan. */
    private Point2D inView(MouseEvent e) {
        return view.toWorld(e.getSceneX(), e.getSceneY());
    }

    private void pressed(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        editor.select(Selection.node(glyph.nodeId()));
        linking = e.isShiftDown();
        moved = false;
        Point2D centre = view.centre(glyph.nodeId());
        grip = centre == null ? Point2D.ZERO : centre.subtract(inView(e));
        e.consume();
    }

    private void dragged(MouseEvent e) {
        if (!e.isPrimaryButtonDown()) {
            return;
        }
        Point2D p = inView(e);
        if (linking) {
            Point2D from = view.centre(glyph.nodeId());
            rubberBand.setStartX(from.getX());
            rubberBand.setStartY(from.getY());
            rubberBand.setEndX(p.getX());
            rubberBand.setEndY(p.getY());
            rubberBand.setVisible(true);
        } else {
            moved = true;
            view.dragNode(glyph.nodeId(), p.add(grip));
        }
        e.consume();
    }

    private void released(MouseEvent e) {
        Point2D p = inView(e);
        if (linking) {
            rubberBand.setVisible(false);
            String target = view.nodeAt(p);
            if (target != null && !target.equals(glyph.nodeId())) {
                editor.addLink(glyph.nodeId(), target);
            }
        } else if (moved) {
            view.dropNode(glyph.nodeId(), p.add(grip));
        }
        linking = false;
        moved = false;
        e.consume();
    }

    private ContextMenu menu() {
        String id = glyph.nodeId();
        Menu linkTo = new Menu("Link to");
        for (Node other : editor.nodes()) {
            if (!other.id().equals(id)) {
                MenuItem item = new MenuItem(other.id());
                item.setOnAction(a -> editor.addLink(id, other.id()));
                linkTo.getItems().add(item);
            }
        }
        MenuItem source = new MenuItem("Requests start here (source)");
        source.setOnAction(a -> editor.setSource(id));
        MenuItem sink = new MenuItem("Results go here (sink)");
        sink.setOnAction(a -> editor.setSink(id));
        MenuItem delete = new MenuItem("Delete node");
        delete.setOnAction(a -> editor.deleteNode(id));
        return new ContextMenu(linkTo, source, sink, new SeparatorMenuItem(), delete);
    }
}
