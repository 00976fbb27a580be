package org.splitscope.ui.view;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.interaction.ChartMouseEventFX;
import org.jfree.chart.fx.interaction.ChartMouseListenerFX;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.Formats;
import org.splitscope.chart.ParetoChart;
import org.splitscope.io.SweepCsv;
import org.splitscope.model.EnabledExit;
import org.splitscope.optimize.ParetoPoint;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.perf.Metrics;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.OptimizeModel;
import org.splitscope.ui.model.ScenarioDocument;

/**
 * The Optimize panel: the settings; Run, its progress and Cancel; a message when the request is
 * bad or cannot be met; whether the winner is proven optimal (the proven gap, or that a stopped search
 * has no bound); the top plans with the evaluator's figures (Apply, or double-click a row,
 * puts one into the editor as one undo step); why the winner won; and the Pareto front, where a
 * click applies that plan. Everything shown comes from the {@link OptimizeModel}.
 */
public final class OptimizePanel extends SplitPane {
    private final OptimizeModel model;
    private final ParetoChart pareto = new ParetoChart();
    private final ChartPane paretoPane = new ChartPane(pareto);
    private final TableView<RankedPlan> table = new TableView<>();

    public OptimizePanel(OptimizeModel model, ScenarioDocument document, LiveMetrics metrics) {
        this.model = model;
        setId("optimize-panel");
        getStyleClass().add("optimize-panel");
        ScrollPane settings = new ScrollPane(new OptimizeSettingsView(model.form(), document));
        settings.setFitToWidth(true);
        settings.setId("optimize-settings");
        settings.getStyleClass().add("optimize-settings-scroll");
        // a low tab (presentation mode at 1280x720) scrolls the results rather than squeeze the table to its header
        ScrollPane results = new ScrollPane(results());
        results.setFitToWidth(true);
        results.setFitToHeight(true);
        results.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        results.setId("optimize-results-scroll");
        results.getStyleClass().add("optimize-results-scroll");
        getItems().addAll(settings, results, paretoPane);
        setDividerPositions(0.3, 0.7);

        model.frontProperty().addListener((ListChangeListener<ParetoPoint>) c -> pareto.show(model.frontProperty(),
                model.frontNoteProperty().get()));
        model.frontNoteProperty().addListener((o, a, note) -> pareto.show(model.frontProperty(), note));
        metrics.metricsProperty().addListener((o, a, m) -> showCurrent(m));
        showCurrent(metrics.getMetrics());
        paretoPane.viewer().addChartMouseListener(new ChartMouseListenerFX() {
            @Override
            public void chartMouseClicked(ChartMouseEventFX e) {
                ParetoPoint p = pareto.pointAt(e.getEntity());
                if (p != null && e.getTrigger().getButton() == MouseButton.PRIMARY) {
                    model.apply(p);
                }
            }

            @Override
            public void chartMouseMoved(ChartMouseEventFX e) {
                // tooltips come from the chart's tooltip generator
            }
        });
    }

    private VBox results() {
        List<Node> controls = RunControls.of("optimize", "Run", model::run, model::cancel, model.runningProperty(),
                model.progressProperty());
        Label status = label("optimize-status", "optimize-status", model.statusProperty());
        javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip();
        whole.setWrapText(true);
        whole.setMaxWidth(600);
        whole.textProperty().bind(model.statusProperty());
        status.setTooltip(whole);
        status.setMinHeight(Region.USE_COMPUTED_SIZE);
        HBox bar = new HBox(6);
        bar.getChildren().addAll(controls);
        bar.getChildren().add(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        bar.getStyleClass().add("optimize-run-bar");

        Label error = ErrorLabel.of("optimize-error", model.errorProperty());
        Label stale = new Label("The scenario changed after this run: the plans and figures belong to the earlier"
                + " scenario. Run again.");
        stale.setId("optimize-stale");
        stale.getStyleClass().add("optimize-stale");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());

        Label proof = label("optimize-proof", "optimize-proof", model.proofProperty());
        proof.visibleProperty().bind(model.proofProperty().isNotEmpty());
        proof.managedProperty().bind(proof.visibleProperty());

        buildTable();
        Button apply = new Button("Apply");
        apply.setId("optimize-apply");
        apply.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        apply.setOnAction(e -> model.apply(table.getSelectionModel().getSelectedItem()));
        apply.setMinWidth(Region.USE_PREF_SIZE);
        Label hint = new Label("Apply (or double-click a row) puts the plan into the editor; Undo takes it back.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        Label why = label("optimize-why", "optimize-why", model.explanationProperty());
        VBox box = new VBox(4, bar, error, stale, proof, table, new HBox(6, apply, hint), why);
        box.getStyleClass().add("optimize-results");
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    private void buildTable() {
        table.setId("optimize-table");
        table.setItems(model.resultsProperty());
        table.setPlaceholder(new Label("Run the search to list the best plans."));
        WholeHeaders.keep(table);
        // the stages name their nodes (units@node), so no column repeats the nodes
        table.getColumns().add(column("#", 30, "10", p -> String.valueOf(p.rank())));
        table.getColumns().add(column("Stages (units@node)", 210, null, p -> SweepCsv.stages(p.plan())));
        table.getColumns().add(column("Exits", 170, null, p -> p.plan().exits().stream()
                .map((EnabledExit x) -> x.exit() + "@" + x.threshold()).collect(Collectors.joining(", "))
                + (p.plan().terminalExit() == null ? "" : " (ends at " + p.plan().terminalExit() + ")")));
        table.getColumns().add(column("Mean", 75, "999.99 ms", p -> Formats.ms(p.metrics().meanLatency())));
        table.getColumns().add(column("p95", 75, "999.99 ms", p -> Formats.ms(p.metrics().latency().p95())));
        table.getColumns().add(column("Accuracy", 70, "100.0 %", p -> Formats.percent(p.metrics().accuracy())));
        table.getColumns().add(column("Cost /M", 70, "$0.0000", p -> Formats.usd(p.metrics().costUsdPerMillion())));
        table.getColumns().add(column("Throughput", 85, "999.9 req/s", p -> Formats.rate(p.metrics().throughputPerSecond())));
        table.setRowFactory(t -> {
            TableRow<RankedPlan> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    model.apply(row.getItem());
                }
            });
            return row;
        });
    }

    /**
     * A column of text; its width is a share of the table's in proportion to the others' widths,
     * never less than its title or the sample (the widest figure it shows) needs.
     */
    private static TableColumn<RankedPlan, String> column(String title, double width, String sample,
                                                          Function<RankedPlan, String> text) {
        TableColumn<RankedPlan, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        if (sample != null) {
            WholeHeaders.sample(c, sample);
        }
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    private static Label label(String id, String styleClass, ObservableValue<String> text) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        // a wrapped message takes the lines it needs; the table gives way
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        return l;
    }

    private void showCurrent(Metrics m) {
        if (m != null) {
            pareto.showCurrent(m.meanLatency(), m.accuracy());
        }
    }

    public ParetoChart paretoChart() {
        return pareto;
    }

    public TableView<RankedPlan> table() {
        return table;
    }

    public void applyPalette(ChartPalette palette) {
        pareto.applyPalette(palette);
    }
}
