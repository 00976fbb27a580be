package org.splitscope.ui.view;

import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.jfree.chart.JFreeChart;
import org.splitscope.chart.ChartData;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.ExplorerChart;
import org.splitscope.chart.Formats;
import org.splitscope.chart.TestbedScatterChart;
import org.splitscope.io.SweepCsv;
import org.splitscope.testbed.PlanResult;
import org.splitscope.testbed.ShaperChoice;
import org.splitscope.testbed.Testbed;
import org.splitscope.ui.model.TestbedModel;
import org.splitscope.zoo.Granularity;

/**
 * The Testbed panel: the ONNX model and how it was imported, requests, rate, this plan or every
 * single cut; Run with progress and Cancel; each plan's predicted and measured figures with the
 * errors in percent and the outputs check; and the predicted-vs-measured scatters with R^2.
 * Everything shown comes from the {@link TestbedModel}.
 */
public final class TestbedPanel extends SplitPane {
    private final TestbedModel model;
    private final TableView<PlanResult> table = new TableView<>();
    private final TestbedScatterChart latency = new TestbedScatterChart(TestbedScatterChart.Quantity.MEAN_LATENCY);
    private final TestbedScatterChart throughput = new TestbedScatterChart(TestbedScatterChart.Quantity.THROUGHPUT);

    public TestbedPanel(TestbedModel model) {
        this.model = model;
        setId("testbed-panel");
        VBox charts = new VBox(4, new ChartPane(adapter(latency)), new ChartPane(adapter(throughput)));
        charts.getChildren().forEach(c -> VBox.setVgrow(c, Priority.ALWAYS));
        // a low tab (1024x600) scrolls the settings rather than cut off the last of them and the hint
        javafx.scene.control.ScrollPane settings = new javafx.scene.control.ScrollPane(settings());
        settings.setId("testbed-settings-scroll");
        settings.setFitToWidth(true);
        settings.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        getItems().addAll(settings, results(), charts);
        setDividerPositions(0.26, 0.68);
        model.lastRunProperty().addListener((o, a, run) -> {
            latency.show(run);
            throughput.show(run);
        });
    }

    /** The scatters show testbed runs, not the live metrics, so a new scenario leaves them as they are. */
    private static ExplorerChart adapter(TestbedScatterChart c) {
        return new ExplorerChart() {
            @Override
            public String id() {
                return c.id();
            }

            @Override
            public JFreeChart chart() {
                return c.chart();
            }

            @Override
            public void show(ChartData data) {
                // a testbed run is not redone on every edit: the run's points stay until the next one
            }

            @Override
            public void applyPalette(ChartPalette palette) {
                c.applyPalette(palette);
            }
        };
    }

    private VBox settings() {
        TextField file = new TextField();
        file.setId("testbed-model-file");
        file.setPromptText("the ONNX file the profile was imported from");
        file.textProperty().bindBidirectional(model.modelFileProperty());
        Button browse = new Button("Browse…");
        browse.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("The ONNX model of the scenario's profile");
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model (*.onnx)", "*.onnx"));
            File f = chooser.showOpenDialog(getScene().getWindow());
            if (f != null) {
                model.modelFileProperty().set(f.getPath());
            }
        });
        ComboBox<Granularity> units = new ComboBox<>();
        units.setId("testbed-units");
        units.getItems().setAll(Granularity.values());
        units.valueProperty().bindBidirectional(model.unitsProperty());
        TextField shape = field("testbed-input-shape", model.inputShapeProperty().get());
        shape.setPromptText("[NAME=]1,3,224,224 (as imported)");
        shape.textProperty().bindBidirectional(model.inputShapeProperty());
        TextField requests = field("testbed-requests", null);
        requests.textProperty().bindBidirectional(model.requestsProperty());
        QuantityField.markWhileTyping(requests, TestbedModel.REQUESTS);
        TextField rate = field("testbed-rate", null);
        rate.textProperty().bindBidirectional(model.rateProperty());
        QuantityField.markWhileTyping(rate, TestbedModel.RATE);
        CheckBox all = new CheckBox("All single cuts (between the plan's first and last node)");
        all.setId("testbed-all-cuts");
        all.selectedProperty().bindBidirectional(model.allSingleCutsProperty());
        ComboBox<ShaperChoice> shaper = new ComboBox<>();
        shaper.setId("testbed-shaper");
        shaper.getItems().setAll(ShaperChoice.values());
        shaper.valueProperty().bindBidirectional(model.shaperProperty());

        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        grid.addRow(0, new Label("Model"), new HBox(4, file, browse));
        grid.addRow(1, new Label("Units"), units);
        grid.addRow(2, new Label("Input shape"), shape);
        grid.addRow(3, new Label("Requests"), requests);
        grid.addRow(4, new Label("Rate (req/s, 0: none)"), rate);
        grid.addRow(5, new Label("Shaper"), shaper);
        HBox.setHgrow(file, Priority.ALWAYS);
        Label hint = new Label("The scenario's profile must have been imported from this model with these units "
                + "and input shape. Each stage runs in its own worker process here; a node slower than this "
                + "machine is slowed to match. Shaper: auto = the kernel's (network namespaces, veth, tc tbf + netem) "
                + "where it can both limit and delay, else " + Testbed.SHAPER + "; kernel = the kernel's rate and, "
                + "without netem, the in-process delay; the status line says which ran.");
        hint.setWrapText(true);
        hint.getStyleClass().add("hint");
        VBox box = new VBox(6, grid, all, hint);
        box.getStyleClass().add("testbed-settings");
        return box;
    }

    private static TextField field(String id, String text) {
        TextField f = new TextField(text);
        f.setId(id);
        f.setPrefColumnCount(8);
        return f;
    }

    private VBox results() {
        List<Node> controls = RunControls.of("testbed", "Run", model::run, model::cancel, model.runningProperty(),
                model.progressProperty());
        Label status = new Label();
        status.setId("testbed-status");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(model.statusProperty());
        HBox bar = new HBox(6);
        bar.getChildren().addAll(controls);
        bar.getChildren().add(status);
        HBox.setHgrow(status, Priority.ALWAYS);
        Label error = ErrorLabel.of("testbed-error", model.errorProperty());

        table.setId("testbed-table");
        table.setItems(model.resultsProperty());
        table.setPlaceholder(new Label("Run to measure the plan against its prediction."));
        WholeHeaders.keep(table);
        table.getColumns().add(column("Stages (units@node)", r -> SweepCsv.stages(r.plan())));
        table.getColumns().add(column("Mean pred / meas", r -> Formats.ms(r.predicted().latency().mean()) + " / "
                + Formats.ms(r.measured().meanLatency())));
        table.getColumns().add(column("err", r -> percent(r.meanLatencyError())));
        table.getColumns().add(column("p95 pred / meas", r -> Formats.ms(r.predicted().latency().p95()) + " / "
                + Formats.ms(r.measured().p95Latency())));
        table.getColumns().add(column("err", r -> percent(r.p95LatencyError())));
        table.getColumns().add(column("Throughput pred / meas", r -> Formats.rate(r.predicted().throughputPerSecond())
                + " / " + Formats.rate(r.measured().throughputPerSecond())));
        table.getColumns().add(column("err", r -> percent(r.throughputError())));
        table.getColumns().add(column("Slow-down", r -> String.join(", ", model.slowDowns(r).stream()
                .map(f -> String.format(Locale.ROOT, "x%.2f", f)).toList())));
        table.getColumns().add(column("Outputs", r -> r.outputsMatch() ? "equal"
                : String.format(Locale.ROOT, "DIFFER by %.3g", r.maxOutputDifference())));
        VBox box = new VBox(4, bar, error, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        return box;
    }

    static String percent(double error) {
        return Double.isNaN(error) ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", error);
    }

    private static TableColumn<PlanResult, String> column(String title, Function<PlanResult, String> text) {
        TableColumn<PlanResult, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    public TableView<PlanResult> table() {
        return table;
    }

    public TestbedScatterChart latencyChart() {
        return latency;
    }

    public void applyPalette(ChartPalette palette) {
        latency.applyPalette(palette);
        throughput.applyPalette(palette);
    }
}
