package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javafx.collections.ObservableList;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;
import org.splitscope.model.ViewSettings;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.model.TopologyEditor;
import org.splitscope.ui.model.TopologyLayout;
import org.splitscope.ui.model.TopologyLayout.Bands;
import org.splitscope.ui.model.TopologyLayout.LinkRoute;

/**
 * The topology as a drawing: tiers as horizontal bands (end devices on top), nodes as icons at
 * their saved places in their tier's band, links as curves labelled with bandwidth and latency.
 * Drag a node to move it (into another band to change its tier); Shift-drag from a node to
 * another to link them; click to select for the property sheet; drop a stage label of the model
 * strip on a node to run the stage there. The wheel zooms around the pointer, dragging empty
 * space (or with the middle button anywhere) pans, and + - 0 zoom in, out and fit. Everything it
 * changes goes through the {@link TopologyEditor} (a stage's node, through the {@link PlanEditor}).
 */
public final class TopologyView extends Pane {
    private static final String[] TIER_NAMES = {"end devices", "edge", "cloud"};
    /** Below this the drawing is too small to work on, however it is zoomed. */
    private static final double MIN_HEIGHT = 40;
    static final double MIN_SCALE = 0.1;
    static final double MAX_SCALE = 4;
    private static final double KEY_ZOOM = 1.25;

    private final ScenarioDocument document;
    private final TopologyEditor editor;
    private final PlanEditor plan;
    private final Pane bands = new Pane();
    private final Pane world = new Pane();
    private final Pane links = new Pane();
    private final Pane nodes = new Pane();
    private final Line rubberBand = new Line();
    private final Scale scale = new Scale(1, 1, 0, 0);
    private final Translate pan = new Translate();
    private final Map<String, NodeGlyph> glyphs = new HashMap<>();
    private final Map<String, Group> linkGroups = new HashMap<>();
    private Topology shown;
    private Map<String, Integer> shownColours;
    /** Until the user zooms or pans, the drawing is fitted to the view on every layout. */
    private boolean autoFit = true;
    /** A node being dragged, drawn at the pointer until it is dropped. */
    private String dragged;
    private TopologyLayout.Point draggedAt;
    private double panStartX;
    private double panStartY;
    private boolean panning;
    private Bands lastBands;

    public TopologyView(ScenarioDocument document, TopologyEditor editor, PlanEditor plan) {
        this.document = document;
        this.editor = editor;
        this.plan = plan;
        setId("topology-view");
        getStyleClass().add("topology-view");
        rubberBand.getStyleClass().add("rubber-band");
        rubberBand.setVisible(false);
        rubberBand.setMouseTransparent(true);
        for (Pane p : new Pane[] {bands, world, links, nodes}) {
            p.setManaged(false);
            p.setPickOnBounds(false);
        }
        bands.setMouseTransparent(true);
        world.getTransforms().setAll(pan, scale);
        world.getChildren().addAll(links, nodes, rubberBand);
        getChildren().addAll(bands, world);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        setMinWidth(300);
        setFocusTraversable(true);
        document.scenarioProperty().addListener((o, a, s) -> {
            if (!s.topology().equals(shown) || !colours(s).equals(shownColours)) {
                rebuild();
            } else {
                requestLayout();
            }
        });
        editor.selectionProperty().addListener(o -> showSelection());
        editor.elementProblemsProperty().addListener(o -> rebuild());
        editor.tidiedProperty().addListener(o -> fit());
        installGestures();
        rebuild();
    }

    private static Map<String, Integer> colours(Scenario s) {
        return TopologyLayout.colours(s.topology(), s.view());
    }

    private void installGestures() {
        addEventFilter(MouseEvent.MOUSE_PRESSED, e -> requestFocus()); // for + - 0, wherever the press lands
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getButton() == MouseButton.MIDDLE || e.getButton() == MouseButton.PRIMARY && e.getTarget() == this) {
                panning = true;
                panStartX = e.getX() - pan.getX();
                panStartY = e.getY() - pan.getY();
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (panning) {
                autoFit = false;
                pan.setX(e.getX() - panStartX);
                pan.setY(e.getY() - panStartY);
                layoutBands();
                e.consume();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> panning = false);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this && e.isStillSincePress()) {
                editor.select(null);
            }
        });
        setOnScroll((ScrollEvent e) -> {
            if (e.getDeltaY() != 0) {
                zoomAt(Math.exp(e.getDeltaY() * 0.004), e.getX(), e.getY());
            }
            e.consume();
        });
        setOnZoom(e -> zoomAt(e.getZoomFactor(), e.getX(), e.getY()));
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() || e.isAltDown()) {
                return;
            }
            switch (e.getCode()) {
                case PLUS, EQUALS, ADD -> zoomIn();
                case MINUS, SUBTRACT -> zoomOut();
                case DIGIT0, NUMPAD0 -> fit();
                default -> {
                    return;
                }
            }
            e.consume();
        });
    }

    // ---- zoom and pan ----

    public double zoom() {
        return scale.getX();
    }

    public void zoomIn() {
        zoomAt(KEY_ZOOM, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / KEY_ZOOM, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by a factor keeping the point (x, y) of the view where it is. */
    void zoomAt(double factor, double x, double y) {
        double before = scale.getX();
        double after = Math.max(MIN_SCALE, Math.min(MAX_SCALE, before * factor));
        autoFit = false;
        pan.setX(x - (x - pan.getX()) * after / before);
        pan.setY(y - (y - pan.getY()) * after / before);
        scale.setX(after);
        scale.setY(after);
        requestLayout(); // labels keep their size on screen: which of them fit changes with the zoom
    }

    /** Shows the whole drawing, at most at 100 %, and fits it again as the view changes size. */
    public void fit() {
        autoFit = true;
        requestLayout();
    }

    private void applyFit(double worldWidth, double worldHeight) {
        double w = Math.max(1, getWidth());
        double h = Math.max(1, getHeight());
        double s = Math.max(MIN_SCALE, Math.min(1, Math.min((w - 8) / worldWidth, (h - 4) / worldHeight)));
        scale.setX(s);
        scale.setY(s);
        pan.setX(Math.max(0, (w - worldWidth * s) / 2));
        pan.setY(0);
    }

    /** A point of the scene in the drawing's coordinates (pixels at 100 %). */
    Point2D toWorld(double sceneX, double sceneY) {
        return world.sceneToLocal(sceneX, sceneY);
    }

    // ---- content ----

    /** The drawing zooms to fit what the view's height leaves it. */
    @Override
    protected double computeMinHeight(double width) {
        return MIN_HEIGHT;
    }

    private void rebuild() {
        Scenario s = document.getScenario();
        shown = s.topology();
        shownColours = colours(s);
        Map<Selection, String> problems = editor.elementProblemsProperty().get();
        glyphs.clear();
        nodes.getChildren().clear();
        for (Node n : s.topology().nodes()) {
            NodeGlyph g = new NodeGlyph(n, shownColours.get(n.id()), s.topology(), problems.get(Selection.node(n.id())));
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
        linkGroups.clear();
        List<Group> built = LinkShapes.build(s.topology(), editor, problems);
        for (Group g : built) {
            linkGroups.put((String) g.getUserData(), g);
        }
        links.getChildren().setAll(built);
        showSelection();
        requestLayout();
    }

    /** Marks the selected element; a selection change rebuilds nothing, so a drag in progress survives it. */
    private void showSelection() {
        Selection sel = editor.selectionProperty().get();
        for (NodeGlyph g : glyphs.values()) {
            mark(g, Selection.node(g.nodeId()).equals(sel));
        }
        for (Group g : linkGroups.values()) {
            boolean selected = Selection.link((String) g.getUserData()).equals(sel);
            mark(g, selected);
            if (selected) {
                g.toFront();
            }
        }
        requestLayout();
    }

    private static void mark(javafx.scene.Node n, boolean selected) {
        if (selected && !n.getStyleClass().contains("selected")) {
            n.getStyleClass().add("selected");
        } else if (!selected) {
            n.getStyleClass().remove("selected");
        }
    }

    /** The node whose glyph is under a point of the drawing, or {@code null}. */
    String nodeAt(Point2D world) {
        for (NodeGlyph g : glyphs.values()) {
            if (g.getBoundsInParent().contains(world)) {
                return g.nodeId();
            }
        }
        return null;
    }

    /** A node's centre in the drawing, where its links end. */
    Point2D centre(String nodeId) {
        NodeGlyph g = glyphs.get(nodeId);
        return g == null ? null : new Point2D(g.getLayoutX() + NodeGlyph.WIDTH / 2, g.getLayoutY() + NodeGlyph.HEIGHT / 2);
    }

    /** Draws a node being dragged with its centre at this point of the drawing. */
    void dragNode(String nodeId, Point2D centre) {
        dragged = nodeId;
        draggedAt = new TopologyLayout.Point(centre.getX(), centre.getY());
        requestLayout();
    }

    /** Drops a dragged node: its new place, in the band under its centre. */
    void dropNode(String nodeId, Point2D centre) {
        dragged = null;
        draggedAt = null;
        Bands b = lastBands;
        int tier = b.tierAt(centre.getY());
        editor.moveNode(nodeId, tier, centre.getX(), centre.getY() - b.top(tier));
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        Scenario s = document.getScenario();
        Topology t = s.topology();
        ViewSettings places = TopologyLayout.complete(t, s.view());
        Bands b = TopologyLayout.bands(t, places);
        lastBands = b;
        Map<String, TopologyLayout.Point> centres = TopologyLayout.centres(t, places, b);
        if (dragged != null && centres.containsKey(dragged)) {
            centres.put(dragged, draggedAt);
        }
        double worldWidth = Math.max(TopologyLayout.width(places), 2 * NodeGlyph.WIDTH);
        editor.setCanvasArea(getWidth(), getHeight());
        if (autoFit) {
            applyFit(worldWidth, b.total());
        }
        for (Map.Entry<String, TopologyLayout.Point> c : centres.entrySet()) {
            NodeGlyph g = glyphs.get(c.getKey());
            if (g != null) {
                g.autosize();
                g.relocate(c.getValue().x() - NodeGlyph.WIDTH / 2, c.getValue().y() - NodeGlyph.HEIGHT / 2);
            }
        }
        List<LinkRoute> routes = TopologyLayout.routes(t, centres);
        List<double[]> sizes = new ArrayList<>();
        for (LinkRoute r : routes) {
            sizes.add(LinkShapes.labelSize(linkGroups.get(r.link()), zoom()));
        }
        boolean[] room = TopologyLayout.labelsWithRoom(routes, sizes, new ArrayList<>(centres.values()));
        for (Group g : linkGroups.values()) {
            g.setVisible(false);
        }
        for (int i = 0; i < routes.size(); i++) {
            Group g = linkGroups.get(routes.get(i).link());
            g.setVisible(true);
            LinkShapes.place(g, routes.get(i), room[i], zoom());
        }
        layoutBands();
    }

    /** The bands on screen: full width, each as tall as its tier's nodes at this zoom, names unzoomed. */
    private void layoutBands() {
        Bands b = lastBands;
        if (b == null) {
            return;
        }
        int tiers = b.count();
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
        double s = scale.getX();
        double w = getWidth();
        for (int k = 0; k < tiers; k++) {
            double top = pan.getY() + b.top(k) * s;
            double bottom = k == tiers - 1 ? Math.max(getHeight(), pan.getY() + b.total() * s) : pan.getY() + b.top(k + 1) * s;
            children.get(2 * k).resizeRelocate(0, top, w, Math.max(0, bottom - top));
            Label name = (Label) children.get(2 * k + 1);
            name.autosize();
            name.relocate(6, top + 2);
            name.setVisible(bottom - top >= name.getHeight()); // zoomed far out, names would run into each other
        }
    }
}
