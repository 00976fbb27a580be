package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Line;
import org.splitscope.chart.Formats;
import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * Links drawn as lines between node centres, each with a wide invisible twin that takes the
 * clicks, and a label with bandwidth and latency (and the problem, when there is one).
 */
final class LinkShapes {
    private LinkShapes() {
    }

    static List<Group> build(Topology t, TopologyEditor editor, Map<Selection, String> problems) {
        List<Group> groups = new ArrayList<>();
        for (Link l : t.links()) {
            Line line = new Line();
            line.getStyleClass().add("link-line");
            Line hit = new Line();
            hit.getStyleClass().add("link-hit");
            String problem = problems.get(Selection.link(l.id()));
            Label label = new Label(Formats.bandwidth(l.bandwidthBps()) + " · " + Formats.ms(l.latencySeconds())
                    + (l.oneWay() ? " · one-way" : "") + (problem == null ? "" : "\n" + problem));
            label.getStyleClass().add("link-label");
            Group g = new Group(line, hit, label);
            g.setId("link-" + l.id());
            g.setUserData(l.id());
            g.getStyleClass().add("link");
            if (problem != null) {
                g.getStyleClass().add("invalid");
            }
            g.setOnMouseClicked(e -> {
                editor.select(Selection.link(l.id()));
                e.consume();
            });
            g.setOnContextMenuRequested(e -> {
                MenuItem delete = new MenuItem("Delete link");
                delete.setOnAction(a -> editor.deleteLink(l.id()));
                new ContextMenu(delete).show(g, e.getScreenX(), e.getScreenY());
                e.consume();
            });
            groups.add(g);
        }
        return groups;
    }

    /** Places every link's line and label between its nodes' centres. */
    static void layout(Pane links, Topology t, Function<String, Point2D> centre) {
        for (javafx.scene.Node n : links.getChildren()) {
            Group g = (Group) n;
            Link l = find(t, (String) g.getUserData());
            Point2D a = l == null ? null : centre.apply(l.from());
            Point2D b = l == null ? null : centre.apply(l.to());
            g.setVisible(a != null && b != null);
            if (a == null || b == null) {
                continue;
            }
            for (int i = 0; i < 2; i++) {
                Line line = (Line) g.getChildren().get(i);
                line.setStartX(a.getX());
                line.setStartY(a.getY());
                line.setEndX(b.getX());
                line.setEndY(b.getY());
            }
            Label label = (Label) g.getChildren().get(2);
            label.autosize();
            Point2D mid = a.midpoint(b);
            // beside a steep link the label would hide under the node glyphs: move it clear of them
            double dx = Math.abs(a.getX() - b.getX()) < NodeGlyph.WIDTH ? NodeGlyph.WIDTH / 2 + 4 : 6;
            label.relocate(mid.getX() + dx, mid.getY() - label.getHeight() / 2);
        }
    }

    private static Link find(Topology t, String id) {
        for (Link l : t.links()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        return null;
    }
}
