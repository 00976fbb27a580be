package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.SummaryModel;

/**
 * The headline figures in tiles; greyed while they belong to an earlier, valid scenario. The tiles
 * share a row while each figure fits whole (titles and notes wrap); when the row is too narrow (a
 * projector's large fonts) they go into two or more even rows instead of cutting a figure short.
 */
public final class SummaryView extends Region {
    static final PseudoClass STALE = PseudoClass.getPseudoClass("stale");
    static final double GAP = 8;

    private record Tile(VBox box, Label value) {
    }

    private final List<Tile> tiles = new ArrayList<>();

    public SummaryView(SummaryModel summary, LiveMetrics metrics) {
        getStyleClass().add("summary");
        setId("summary");
        tile("expected-latency", "Expected latency", summary.expectedLatencyProperty(), summary.loadedProperty());
        tile("p95-latency", "p95 latency", summary.p95Property(), null);
        tile("accuracy", "Accuracy", summary.accuracyProperty(), summary.accuracyMethodProperty());
        tile("cost", "Cost per million requests", summary.costPerMillionProperty(), null);
        tile("throughput", "Throughput", summary.throughputProperty(), null);
        tile("bottleneck", "Bottleneck", summary.bottleneckProperty(), null);
        pseudoClassStateChanged(STALE, metrics.isStale());
        metrics.staleProperty().addListener((o, a, stale) -> pseudoClassStateChanged(STALE, stale));
    }

    private void tile(String id, String title, ObservableValue<String> value, ObservableValue<String> detail) {
        Label t = new Label(title);
        t.getStyleClass().add("figure-title");
        t.setWrapText(true);
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("figure-value");
        // wraps only where the figure is wider than the whole row (a long bottleneck name)
        v.setWrapText(true);
        v.textProperty().bind(value);
        VBox box = new VBox(t, v);
        if (detail != null) {
            Label d = new Label();
            d.setId(id + "-detail");
            d.getStyleClass().add("figure-detail");
            d.setWrapText(true);
            d.textProperty().bind(detail);
            box.getChildren().add(d);
        }
        box.getStyleClass().add("figure");
        box.setMinWidth(0);
        tiles.add(new Tile(box, v));
        getChildren().add(box);
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    /** The least width a tile shows its figure whole in, but never more than the row. */
    private static double need(Tile t, double row) {
        Insets in = t.box().getInsets();
        return Math.min(row, Math.ceil(t.value().prefWidth(-1)) + in.getLeft() + in.getRight());
    }

    /** The tiles in as few even rows as keep every figure whole in this width. */
    private List<List<Tile>> rows(double width) {
        for (int count = 1; count < tiles.size(); count++) {
            int per = (tiles.size() + count - 1) / count;
            List<List<Tile>> rows = chunks(per);
            if (rows.stream().allMatch(r -> needed(r, width) <= width)) {
                return rows;
            }
        }
        return chunks(1);
    }

    private List<List<Tile>> chunks(int per) {
        List<List<Tile>> rows = new ArrayList<>();
        for (int i = 0; i < tiles.size(); i += per) {
            rows.add(tiles.subList(i, Math.min(tiles.size(), i + per)));
        }
        return rows;
    }

    private static double needed(List<Tile> row, double width) {
        return row.stream().mapToDouble(t -> need(t, width)).sum() + GAP * (row.size() - 1);
    }

    /** Widths of a row's tiles: as even as their figures allow, filling the row. */
    private static double[] widths(List<Tile> row, double width) {
        double[] w = new double[row.size()];
        boolean[] fixed = new boolean[row.size()];
        double free = width - GAP * (row.size() - 1);
        int open = row.size();
        boolean changed = true;
        while (changed && open > 0) {
            changed = false;
            double even = free / open;
            for (int i = 0; i < w.length; i++) {
                if (!fixed[i] && need(row.get(i), width) > even) {
                    w[i] = need(row.get(i), width);
                    fixed[i] = true;
                    free -= w[i];
                    open--;
                    changed = true;
                }
            }
        }
        for (int i = 0; i < w.length; i++) {
            if (!fixed[i]) {
                w[i] = Math.max(0, free / open);
            }
        }
        return w;
    }

    private double inner(double width) {
        Insets in = getInsets();
        return (width < 0 ? getWidth() : width) - in.getLeft() - in.getRight();
    }

    @Override
    protected void layoutChildren() {
        Insets in = getInsets();
        double width = inner(getWidth());
        double y = in.getTop();
        for (List<Tile> row : rows(width)) {
            double[] w = widths(row, width);
            double h = rowHeight(row, w);
            double x = in.getLeft();
            for (int i = 0; i < row.size(); i++) {
                row.get(i).box().resizeRelocate(snapPositionX(x), snapPositionY(y), snapSizeX(w[i]), snapSizeY(h));
                x += w[i] + GAP;
            }
            y += h + GAP;
        }
    }

    private static double rowHeight(List<Tile> row, double[] w) {
        double h = 0;
        for (int i = 0; i < row.size(); i++) {
            h = Math.max(h, row.get(i).box().prefHeight(w[i]));
        }
        return h;
    }

    @Override
    protected double computePrefHeight(double width) {
        Insets in = getInsets();
        double inner = inner(width);
        if (inner <= 0) {
            inner = computePrefWidth(-1) - in.getLeft() - in.getRight();
        }
        double h = 0;
        List<List<Tile>> rows = rows(inner);
        for (List<Tile> row : rows) {
            h += rowHeight(row, widths(row, inner));
        }
        return in.getTop() + h + GAP * (rows.size() - 1) + in.getBottom();
    }

    /** Never lower than its figures need: the tabs below give way instead. */
    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected double computePrefWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + tiles.stream().mapToDouble(t -> t.box().prefWidth(-1)).sum()
                + GAP * (tiles.size() - 1) + in.getRight();
    }

    @Override
    protected double computeMinWidth(double height) {
        Insets in = getInsets();
        return in.getLeft() + in.getRight() + 100;
    }
}
