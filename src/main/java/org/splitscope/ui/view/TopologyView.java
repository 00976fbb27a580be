package org.splitscope.ui.view;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The topology as a drawing: tiers as horizontal bands (end devices on top), nodes as icons in
 * their tier's band, links as lines labelled with bandwidth and latency. Drag a node to move it
 * (into another band to change its tier); Shift-drag from a node to another to link them; click
 * to select for the property sheet; drop a stage label of the model strip on a node to run the
 * stage there. Everything it changes goes through the {@link TopologyEditor} (a stage's node,
 * through the {@link PlanEditor}).
 */
public final class TopologyView extends Pane {
    private static final String[] TIER_NAMES = {"end devices", "edge", "cloud"};
    private static final double MIN_BAND = 64;

    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final PlanEditor plan;
    private final Pane bands = new Pane();
    private final Pane links = new Pane();
    private final Pane nodes = new Pane();
    private final Line rubberBand = new Line();
    private final Map<String, NodeGlyph> glyphs = new HashMap<>();
    private Topology shown;

    public TopologyView(ScenarioDocument document, TopologyEditor editor, PlanEditor plan) {
        this.document = document;
        this.editor = editor;
        this.plan = plan;
        setId("topology-view");
        getStyleClass().add("topology-view");
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        for (Pane p : new Pane[] {bands, links, nodes}) {
            p.setManaged(false);
            p.setPickOnBounds(false);
        }
        bands.setMouseTransparent(true);
        getChildren().addAll(bands, links, nodes, rubberBand);
        setMinWidth(300);
        document.scenarioProperty().addListener((o, a, s) -> {
            if (!s.topology().equals(shown)) {
                rebuild();
            }
        });
        editor.selectionProperty().addListener(o -> showSelection());
        editor.elementProblemsProperty().addListener(o -> rebuild());
        editor.positionsView().addListener((MapChangeListener<String, Double>) c -> requestLayout());
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                editor.select(null);
            }
        });
        rebuild();
    }

    /** Every tier's band whole; the panel scrolls where it is lower. */
    @Override
    protected double computeMinHeight(double width) {
        return tierCount() * MIN_BAND;
    }

    int tierCount() {
        int max = 2;
        for (Node n : document.getScenario().topology().nodes()) {
            max = Math.max(max, n.tier());
        }
        return max + 1;
    }

    double bandHeight() {
        return Math.max(MIN_BAND, getHeight() / tierCount());
    }

    /** The tier whose band holds y. */
    int tierAt(double y) {
        return (int) Math.max(0, Math.min(tierCount() - 1, Math.floor(y / bandHeight())));
    }

    private void rebuild() {
        Scenario s = document.getScenario();
        shown = s.topology();
        Map<Selection, String> problems = editor.elementProblemsProperty().get();
        glyphs.clear();
        nodes.getChildren().clear();
        List<Node> all = s.topology().nodes();
        for (int i = 0; i < all.size(); i++) {
            Node n = all.get(i);
            Selection me = Selection.node(n.id());
            NodeGlyph g = new NodeGlyph(n, i, s.topology(), problems.get(me));
            new NodeGestures(this, editor, g, rubberBand).install();
            g.setOnMouseDragReleased(e -> {
                if (e.getGestureSource() instanceof javafx.scene.Node source
                        && source.getUserData() instanceof StageDrag drag) {
                    plan.assignStage(drag.stage(), n.id());
                }
            });
            g.setManaged(false);
            glyphs.put(n.id(), g);
            nodes.getChildren().add(g);
        }
        links.getChildren().setAll(LinkShapes.build(s.topology(), editor, problems));
        showSelection();
        requestLayout();
    }

    /** Marks the selected element; a selection change rebuilds nothing, so a drag in progress survives it. */
    private void showSelection() {
        Selection sel = editor.selectionProperty().get();
        for (NodeGlyph g : glyphs.values()) {
            mark(g, Selection.node(g.nodeId()).equals(sel));
        }
        for (javafx.scene.Node n : links.getChildren()) {
            mark(n, n.getUserData() != null && Selection.link((String) n.getUserData()).equals(sel));
        }
    }

    private static void mark(javafx.scene.Node n, boolean selected) {
        if (selected && !n.getStyleClass().contains("selected")) {
            n.getStyleClass().add("selected");
        } else if (!selected) {
            n.getStyleClass().remove("selected");
        }
    }

    /** The node whose glyph is under a point of this view, or {@code null}. */
    String nodeAt(Point2D p) {
        for (NodeGlyph g : glyphs.values()) {
            if (g.getBoundsInParent().contains(p)) {
                return g.nodeId();
            }
        }
        return null;
    }

    Point2D centre(String nodeId) {
        NodeGlyph g = glyphs.get(nodeId);
        return g == null ? null : new Point2D(g.getLayoutX() + NodeGlyph.WIDTH / 2, g.getLayoutY() + NodeGlyph.HEIGHT / 2 - 10);
    }

    @Override
    protected void layoutChildren() {
        Topology t = document.getScenario().topology();
        double w = getWidth();
        double bh = bandHeight();
        layoutBands(w, bh);
        for (Node n : t.nodes()) {
            NodeGlyph g = glyphs.get(n.id());
            if (g != null) {
                g.autosize();
                double x = editor.position(n) * w - NodeGlyph.WIDTH / 2;
                double y = n.tier() * bh + Math.max(4, (bh - NodeGlyph.HEIGHT) / 2);
                g.relocate(Math.max(0, Math.min(w - NodeGlyph.WIDTH, x)), y);
            }
        }
        LinkShapes.layout(links, t, this::centre);
    }

    private void layoutBands(double w, double bh) {
        int tiers = tierCount();
        ObservableList<javafx.scene.Node> children = bands.getChildren();
        if (children.size() != 2 * tiers) {
            children.clear();
            for (int k = 0; k < tiers; k++) {
                Region band = new Region();
                band.getStyleClass().addAll("tier-band", k % 2 == 0 ? "tier-even" : "tier-odd");
                Label name = new Label("tier " + k + (k < TIER_NAMES.length ? " · " + TIER_NAMES[k] : ""));
                name.getStyleClass().add("tier-label");
                band.setManaged(false);
                name.setManaged(false);
                children.addAll(band, name);
                name.applyCss(); // made during layout: without its font now it would size to nothing until the next pass
            }
        }
        for (int k = 0; k < tiers; k++) {
            children.get(2 * k).resizeRelocate(0, k * bh, w, bh);
            Label name = (Label) children.get(2 * k + 1);
            name.autosize();
            name.relocate(6, k * bh + 4);
        }
    }
}
