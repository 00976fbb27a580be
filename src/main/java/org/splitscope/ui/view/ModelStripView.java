package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.collections.ObservableList;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Polyline;
import org.splitscope.chart.Formats;
import org.splitscope.ui.model.HeightMode;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.StripData;
import org.splitscope.ui.model.StripModel;

/**
 * The model strip: one bar per unit (height from FLOPs or time), coloured by the node that runs
 * it; the bytes that would cross at each cut as a line; DNNSplit candidate cuts marked below;
 * draggable cut markers that snap to unit boundaries; exit markers with the share of requests
 * leaving there. Double-click adds a cut; the context menu adds or removes one; a stage's label
 * dragged onto a node of the topology runs the stage there. Colours and
 * shapes are in the stylesheet; this class only places nodes and forwards gestures to the
 * {@link PlanEditor}.
 */
public final class ModelStripView extends Region {
    static final double PAD = 14;
    static final double TOP = 22;
    static final double BOTTOM = 30;
    /** A third of the bars' room at 1280x720 is enough to read the profile's shape; the lower tabs need the rest. */
    static final double MIN_HEIGHT = 76;

    private final StripModel model;
    private final PlanEditor editor;
    private final Pane bars = new Pane();
    private final Polyline bytesLine = new Polyline();
    private final Pane candidates = new Pane();
    private final Pane stageLabels = new Pane();
    private final CutMarkers cuts;
    private final ExitMarkers exits;
    private final Label hover = new Label();
    private StripGeometry geometry = new StripGeometry(PAD, 0, new double[0]);

    public ModelStripView(StripModel model, PlanEditor editor) {
        this.model = model;
        this.editor = editor;
        getStyleClass().add("model-strip");
        setId("model-strip");
        bytesLine.getStyleClass().add("cut-bytes-line");
        bytesLine.setMouseTransparent(true);
        hover.getStyleClass().add("strip-hover");
        hover.setMouseTransparent(true);
        cuts = new CutMarkers(this, editor);
        exits = new ExitMarkers(editor);
        for (Pane p : new Pane[] {bars, candidates, stageLabels}) {
            p.setManaged(false);
            p.setMouseTransparent(p != stageLabels);
        }
        stageLabels.setPickOnBounds(false);
        getChildren().addAll(bars, bytesLine, candidates, stageLabels, cuts.pane(), exits.pane(), hover);
        setMinHeight(MIN_HEIGHT);
        setPrefHeight(190);
        model.dataProperty().addListener((o, a, d) -> requestLayout());
        setOnMouseMoved(this::showHover);
        setOnMouseExited(e -> hover.setText(""));
        setOnMouseClicked(this::clicked);
        setOnContextMenuRequested(e -> contextMenu(boundaryAt(e.getX())).show(this, e.getScreenX(), e.getScreenY()));
    }

    StripGeometry geometry() {
        return geometry;
    }

    /** The cut position nearest to a point of this view. */
    int boundaryAt(double x) {
        return geometry.nearestBoundary(x);
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
            int u = boundaryAt(e.getX());
            if (u > 0 && u < model.getData().unitCount()) {
                editor.addCut(u);
            }
        }
    }

    private ContextMenu contextMenu(int boundary) {
        StripData d = model.getData();
        MenuItem add = new MenuItem("Add cut after unit " + boundary);
        add.setDisable(boundary <= 0 || boundary >= d.unitCount() || d.cuts().contains(boundary));
        add.setOnAction(a -> editor.addCut(boundary));
        MenuItem remove = new MenuItem("Remove cut after unit " + boundary);
        int cut = d.cuts().indexOf(boundary);
        remove.setDisable(cut < 0);
        remove.setOnAction(a -> editor.removeCut(cut));
        return new ContextMenu(add, remove);
    }

    private void showHover(MouseEvent e) {
        StripData d = model.getData();
        int u = geometry.unitAt(e.getX());
        if (u == 0) {
            hover.setText("");
            return;
        }
        StripData.Bar b = d.bars().get(u - 1);
        hover.setText("unit " + u + " · " + b.name() + " (" + b.kind() + ") · "
                + Formats.number(b.height()) + (model.heightModeProperty().get() == HeightMode.FLOPS ? " FLOP" : " s")
                + " · cut after it: " + Formats.bytes(b.cutBytes())
                + (d.candidates().contains(u) ? " · DNNSplit candidate" : ""));
    }

    @Override
    protected void layoutChildren() {
        StripData d = model.getData();
        double w = getWidth();
        double h = getHeight();
        geometry = new StripGeometry(PAD, Math.max(0, w - 2 * PAD), d.boundaries());
        double top = TOP;
        double barsHeight = Math.max(10, h - TOP - BOTTOM);
        layoutBars(d, top, barsHeight);
        layoutBytes(d, top, barsHeight);
        layoutCandidates(d, top + barsHeight);
        layoutStages(d, top + barsHeight);
        cuts.layout(d, geometry, top, barsHeight);
        exits.layout(d, geometry, top);
        hover.resizeRelocate(PAD, h - 16, w - 2 * PAD, 16);
    }

    private void layoutBars(StripData d, double top, double height) {
        ObservableList<Node> nodes = bars.getChildren();
        while (nodes.size() < d.unitCount()) {
            Region r = new Region();
            r.getStyleClass().add("unit-bar");
            r.setManaged(false); // placed by this view, not sized by its pane
            nodes.add(r);
        }
        nodes.remove(d.unitCount(), nodes.size());
        for (int i = 0; i < d.unitCount(); i++) {
            StripData.Bar b = d.bars().get(i);
            Region r = (Region) nodes.get(i);
            ObservableList<String> classes = r.getStyleClass();
            String colour = b.colour() < 0 ? "not-deployed" : NodeColours.styleClass(b.colour());
            if (classes.size() != 2 || !classes.get(1).equals(colour)) {
                classes.setAll("unit-bar", colour);
            }
            double bh = d.maxHeight() <= 0 ? 0 : Math.max(1, height * b.height() / d.maxHeight());
            r.resizeRelocate(geometry.boundaryX(i) + 0.5, top + height - bh,
                    Math.max(1, geometry.boundaryX(i + 1) - geometry.boundaryX(i) - 1), bh);
        }
    }

    private void layoutBytes(StripData d, double top, double height) {
        List<Double> pts = new ArrayList<>(2 * d.unitCount() + 2);
        for (StripData.Bar b : d.bars()) {
            pts.add(geometry.boundaryX(b.unit()));
            pts.add(top + height * (1 - (d.maxCutBytes() <= 0 ? 0 : b.cutBytes() / d.maxCutBytes())));
        }
        bytesLine.getPoints().setAll(pts);
    }

    private void layoutCandidates(StripData d, double y) {
        ObservableList<Node> nodes = candidates.getChildren();
        while (nodes.size() < d.candidates().size()) {
            Region r = new Region();
            r.getStyleClass().add("candidate-mark");
            r.setManaged(false);
            nodes.add(r);
        }
        nodes.remove(d.candidates().size(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            Region r = (Region) nodes.get(i);
            r.resizeRelocate(geometry.boundaryX(d.candidates().get(i)) - 4, y + 1, 8, 7);
        }
    }

    private void layoutStages(StripData d, double y) {
        ObservableList<Node> nodes = stageLabels.getChildren();
        while (nodes.size() < d.stages().size()) {
            Label l = new Label();
            l.getStyleClass().add("stage-label");
            l.setManaged(false);
            l.setId("stage-label-" + nodes.size());
            l.setUserData(new StageDrag(nodes.size()));
            l.setCursor(Cursor.OPEN_HAND);
            // dropped on a node of the topology, the stage runs there (see TopologyView)
            l.setOnDragDetected(e -> l.startFullDrag());
            nodes.add(l);
        }
        nodes.remove(d.stages().size(), nodes.size());
        for (int k = 0; k < nodes.size(); k++) {
            StripData.StageRow s = d.stages().get(k);
            Label l = (Label) nodes.get(k);
            l.setText("stage " + (k + 1) + " · " + s.node());
            double x0 = geometry.boundaryX(s.firstUnit() - 1);
            double x1 = geometry.boundaryX(Math.min(d.unitCount(), s.lastUnit()));
            l.resizeRelocate(x0 + 2, y + 8, Math.max(0, x1 - x0 - 4), 14);
        }
    }
}
