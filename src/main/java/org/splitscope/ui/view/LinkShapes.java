package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javafx.scene.Group;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.shape.QuadCurve;
import org.splitscope.chart.Formats;
import org.splitscope.model.Link;
import org.splitscope.model.Topology;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;
import org.splitscope.ui.model.TopologyLayout;
import org.splitscope.ui.model.TopologyLayout.LinkRoute;

/**
 * Links drawn as curves between node centres (straight unless their middle would hide under a
 * node), each with a wide invisible twin that takes the clicks, and a label with bandwidth and
 * latency (and the problem, when there is one) at its middle where there is room for it, else
 * while the pointer is on the link or it is selected.
 */
final class LinkShapes {
    private static final String HOVER = "hover";
    private static final String ROOM = "room";
    private static final String MIDDLE = "middle";
    private static final String ZOOM = "zoom";

    private LinkShapes() {
    }

    static List<Group> build(Topology t, TopologyEditor editor, Map<Selection, String> problems) {
        List<Group> groups = new ArrayList<>();
        for (Link l : t.links()) {
            QuadCurve line = curve("link-line");
            QuadCurve hit = curve("link-hit");
            String problem = problems.get(Selection.link(l.id()));
            String text = Formats.bandwidth(l.bandwidthBps()) + " · " + Formats.ms(l.latencySeconds())
                    + (l.oneWay() ? " · one-way" : "") + (problem == null ? "" : "\n" + problem);
            Label label = new Label(text);
            label.getStyleClass().add("link-label");
            label.setMouseTransparent(true);
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
            g.setOnMouseEntered(e -> {
                g.getProperties().put(HOVER, true);
                showLabel(g, true);
                g.toFront();
            });
            g.setOnMouseExited(e -> {
                g.getProperties().remove(HOVER);
                showLabel(g, wanted(g));
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

    private static QuadCurve curve(String styleClass) {
        QuadCurve c = new QuadCurve();
        c.setFill(null);
        c.getStyleClass().add(styleClass);
        return c;
    }

    static Label label(Group link) {
        return (Label) link.getChildren().get(2);
    }

    /**
     * The label's size in the drawing at this zoom: labels keep their size on screen, so that they
     * stay readable zoomed out (where fewer fit) and more fit zoomed in.
     */
    static double[] labelSize(Group link, double zoom) {
        Label label = label(link);
        return new double[] {label.prefWidth(-1) / zoom, label.prefHeight(-1) / zoom};
    }

    /**
     * Places a link's curves on its route, and its label at the middle where {@code room} says
     * so; a label without room is placed only when it is shown (a cluster of 50 boards has 1225).
     */
    static void place(Group g, LinkRoute r, boolean room, double zoom) {
        g.getProperties().put(ROOM, room);
        g.getProperties().put(MIDDLE, r.middle());
        g.getProperties().put(ZOOM, zoom);
        for (int i = 0; i < 2; i++) {
            QuadCurve c = (QuadCurve) g.getChildren().get(i);
            c.setStartX(r.from().x());
            c.setStartY(r.from().y());
            c.setControlX(r.control().x());
            c.setControlY(r.control().y());
            c.setEndX(r.to().x());
            c.setEndY(r.to().y());
        }
        showLabel(g, wanted(g));
    }

    /** Where there is room, under the pointer, selected, or with a problem to read. */
    private static boolean wanted(Group g) {
        return Boolean.TRUE.equals(g.getProperties().get(ROOM)) || g.getProperties().containsKey(HOVER)
                || g.getStyleClass().contains("selected") || g.getStyleClass().contains("invalid");
    }

    static void showLabel(Group g, boolean shown) {
        Label label = label(g);
        label.setVisible(shown);
        if (shown && g.getProperties().get(MIDDLE) instanceof TopologyLayout.Point m) {
            double zoom = (Double) g.getProperties().get(ZOOM);
            label.autosize();
            label.relocate(m.x() - label.getWidth() / 2, m.y() - label.getHeight() / 2);
            label.setScaleX(1 / zoom); // about the label's centre, which stays on the link's middle
            label.setScaleY(1 / zoom);
        }
    }
}
