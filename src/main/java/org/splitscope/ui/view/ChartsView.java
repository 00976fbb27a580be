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
    private static final int COLUMNS = 4;
    /** Below this a chart's legend and axes leave its bars a few pixels: the tab scrolls instead. */
    public static final double MIN_CHART_HEIGHT = 150;
    private final ChartSet charts = new ChartSet();
    private final MeasuredChart measured = new MeasuredChart();
    private Metrics pending;
    private boolean measuredPending;

    public ChartsView(LiveMetrics metrics, SweepModel sweep, MeasuredChartModel measuredModel) {
        setId("charts");
        getStyleClass().add("charts");
        List<ExplorerChart> all = new ArrayList<>(charts.charts());
        all.add(measured);
        int rows = (all.size() + COLUMNS - 1) / COLUMNS;
        for (int c = 0; c < COLUMNS; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / COLUMNS);
            getColumnConstraints().add(cc);
        }
        for (int r = 0; r < rows; r++) {
            RowConstraints rc = new RowConstraints();
            rc.setPercentHeight(100.0 / rows);
            rc.setVgrow(Priority.ALWAYS);
            getRowConstraints().add(rc);
        }
        for (int i = 0; i < all.size(); i++) {
            add(new ChartPane(all.get(i)), i % COLUMNS, i / COLUMNS);
        }
        setMinHeight(rows * MIN_CHART_HEIGHT);
        metrics.metricsProperty().addListener((o, a, m) -> showSoon(m));
        metrics.staleProperty().addListener((o, a, stale) -> pseudoClassStateChanged(SummaryView.STALE, stale));
        sweep.pointsProperty().addListener((o, a, points) -> charts.showSweep(points));
        show(metrics.getMetrics());
        charts.showSweep(sweep.pointsProperty().get());
        measuredModel.shownProperty().addListener(o -> showMeasuredSoon(measuredModel));
        showMeasured(measuredModel);
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
