package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.RowConstraints;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.ChartSet;
import org.splitscope.chart.ExplorerChart;
import org.splitscope.chart.MeasuredChart;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.MeasuredChartModel;
import org.splitscope.ui.model.SweepModel;

/**
 * The six live charts and Measured vs estimated in a grid; greyed while the metrics belong to an
 * earlier, valid scenario.
 */
public final class ChartsView extends GridPane {
    private static final int MAX_COLUMNS = 4;
    /** Below this a chart's legend and axes leave its bars a few pixels: the tab scrolls instead. */
    public static final double MIN_CHART_HEIGHT = 150;
    /** In presentation mode fonts are larger and the room goes to the chart the class looks at. */
    public static final double MIN_PRESENTATION_CHART_HEIGHT = 200;
    /** Narrower than this a chart's axis labels collide: fewer columns, more rows. */
    static final double MIN_CHART_WIDTH = 290;
    static final double MIN_PRESENTATION_CHART_WIDTH = 400;
    private final List<ChartPane> panes = new ArrayList<>();
    private double leastHeight = MIN_CHART_HEIGHT;
    private double leastWidth = MIN_CHART_WIDTH;
    private int columns;
    private final ChartSet charts = new ChartSet();
    private final MeasuredChart measured = new MeasuredChart();
    private Metrics pending;
    private boolean measuredPending;

    public ChartsView(LiveMetrics metrics, SweepModel sweep, MeasuredChartModel measuredModel) {
        setId("charts");
        getStyleClass().add("charts");
        List<ExplorerChart> all = new ArrayList<>(charts.charts());
        all.add(measured);
        for (ExplorerChart c : all) {
            ChartPane pane = new ChartPane(c);
            panes.add(pane);
            getChildren().add(pane);
        }
        arrange(MAX_COLUMNS);
        widthProperty().addListener((o, a, w) -> arrange(columnsFor(w.doubleValue())));
        metrics.metricsProperty().addListener((o, a, m) -> showSoon(m));
        metrics.staleProperty().addListener((o, a, stale) -> pseudoClassStateChanged(SummaryView.STALE, stale));
        sweep.pointsProperty().addListener((o, a, points) -> charts.showSweep(points));
        show(metrics.getMetrics());
        charts.showSweep(sweep.pointsProperty().get());
        measuredModel.shownProperty().addListener(o -> showMeasuredSoon(measuredModel));
        showMeasured(measuredModel);
    }

    /** Presentation mode: taller and wider charts, so fewer columns and a tab that scrolls sooner. */
    public void setPresentation(boolean on) {
        leastHeight = on ? MIN_PRESENTATION_CHART_HEIGHT : MIN_CHART_HEIGHT;
        leastWidth = on ? MIN_PRESENTATION_CHART_WIDTH : MIN_CHART_WIDTH;
        arrange(columnsFor(getWidth()));
        requestLayout();
    }

    /** The least height of one chart now (larger in presentation mode). */
    public double leastChartHeight() {
        return leastHeight;
    }

    private int columnsFor(double width) {
        if (width <= 0) {
            return columns;
        }
        int fit = (int) Math.floor((width - snappedLeftInset() - snappedRightInset() + getHgap()) / (leastWidth + getHgap()));
        return Math.max(1, Math.min(MAX_COLUMNS, fit));
    }

    /** The charts in rows of this many, each row an equal share of the height. */
    private void arrange(int count) {
        if (count == columns) {
            return;
        }
        columns = count;
        int rows = rows();
        getColumnConstraints().clear();
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / columns);
            getColumnConstraints().add(cc);
        }
        getRowConstraints().clear();
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < panes.size(); i++) {
            GridPane.setConstraints(panes.get(i), i % columns, i / columns);
        }
    }

    private int rows() {
        return (panes.size() + columns - 1) / columns;
    }

    /** Each chart its least height, with the gaps and padding between: lower, and the tab scrolls. */
    @Override
    protected double computeMinHeight(double width) {
        int rows = rows();
        return snappedTopInset() + rows * leastHeight + (rows - 1) * getVgap() + snappedBottomInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return computeMinHeight(width);
    }

    /** As {@link #showSoon}: a drag's edits repaint the chart once a frame. */
    private void showMeasuredSoon(MeasuredChartModel model) {
        if (!measuredPending) {
            measuredPending = true;
            Platform.runLater(() -> {
                measuredPending = false;
                showMeasured(model);
            });
        }
    }

    private void showMeasured(MeasuredChartModel model) {
        MeasuredChartModel.Shown s = model.shownProperty().get();
        measured.showCalibration(s.calibration(), s.message());
    }

    /**
     * Charts repaint themselves on every change, so the mouse events of one frame are folded into
     * one update with the newest metrics (the summary figures update at once).
     */
    private void showSoon(Metrics m) {
        boolean scheduled = pending != null;
        pending = m;
        if (!scheduled && m != null) {
            Platform.runLater(() -> {
                Metrics latest = pending;
                pending = null;
                show(latest);
            });
        }
    }

    private void show(Metrics m) {
        if (m != null) {
            charts.show(m);
        }
    }

    /** The charts filling the tab, scrolling vertically where the tab is lower than their least height. */
    public static ScrollPane scrolling(ChartsView charts) {
        ScrollPane pane = new ScrollPane(charts);
        pane.setId("charts-scroll");
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        return pane;
    }

    public ChartSet chartSet() {
        return charts;
    }

    /** The Measured vs estimated chart, which is not one of the {@link #chartSet()}'s. */
    public MeasuredChart measuredChart() {
        return measured;
    }

    public void applyPalette(ChartPalette palette) {
        charts.applyPalette(palette);
        measured.applyPalette(palette);
    }
}
