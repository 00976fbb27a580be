package org.splitscope.ui.view;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.ComparisonCharts;
import org.splitscope.ui.model.SnapshotsModel;
import org.splitscope.whatif.Comparison.Row;

/** Snapshots on the left (pin, restore, delete); on the right two states compared figure by figure and overlaid. */
public final class ComparePanel extends SplitPane {
    private final SnapshotsModel model;
    private final ComparisonCharts charts = new ComparisonCharts();

    public ComparePanel(SnapshotsModel model, Window owner) {
        this.model = model;
        getStyleClass().add("compare-panel");
        setId("compare-panel");

        ListView<String> list = new ListView<>(model.choicesProperty().filtered(c -> !c.equals(SnapshotsModel.CURRENT)));
        list.setId("snapshot-list");
        list.setPlaceholder(new Label("No snapshots yet: Pin keeps the state on screen to compare with later."));
        Button pin = new Button("Pin current state");
        pin.setId("snapshot-pin");
        pin.setOnAction(e -> askName(owner).ifPresent(model::pin));
        Button restore = new Button("Restore");
        restore.setOnAction(e -> model.restore(list.getSelectionModel().getSelectedItem()));
        Button delete = new Button("Delete");
        delete.setOnAction(e -> model.remove(list.getSelectionModel().getSelectedItem()));
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(restore.disableProperty());
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox left = new VBox(6, pin, list, new HBox(6, restore, delete));
        left.getStyleClass().add("compare-snapshots");

        ComboBox<String> a = choice("compare-a", model.leftProperty());
        ComboBox<String> b = choice("compare-b", model.rightProperty());
        Label problems = new Label();
        problems.setId("compare-problems");
        problems.getStyleClass().add("error-text");
        problems.setWrapText(true);
        problems.textProperty().bind(model.problemsProperty());
        problems.visibleProperty().bind(model.problemsProperty().isNotEmpty());
        problems.managedProperty().bind(problems.visibleProperty());
        TableView<Row> table = table(model);
        ChartPane cdf = ChartPane.of("compare-cdf", charts.cdf());
        ChartPane busy = ChartPane.of("compare-busy", charts.busy());
        HBox overlays = new HBox(6, cdf, busy);
        HBox.setHgrow(cdf, Priority.ALWAYS);
        HBox.setHgrow(busy, Priority.ALWAYS);
        // the table and the overlaid charts share the height, so neither is squeezed away; the charts
        // get the larger share, as the table scrolls and a chart lower than 120 px shows hardly a plot
        SplitPane figures = new SplitPane(table, overlays);
        figures.setOrientation(Orientation.VERTICAL);
        figures.setDividerPositions(0.4);
        VBox right = new VBox(6, new HBox(6, new Label("A"), a, new Label("B"), b), problems, figures);
        VBox.setVgrow(figures, Priority.ALWAYS);
        right.getStyleClass().add("compare-body");
        getItems().addAll(left, right);
        setDividerPositions(0.22);

        model.leftMetricsProperty().addListener((o, x, y) -> redraw());
        model.rightMetricsProperty().addListener((o, x, y) -> redraw());
        redraw();
    }

    public void applyPalette(ChartPalette palette) {
        charts.applyPalette(palette);
    }

    private void redraw() {
        charts.show(model.leftProperty().get(), model.leftMetricsProperty().get(), model.rightProperty().get(),
                model.rightMetricsProperty().get());
    }

    private ComboBox<String> choice(String id, ObjectProperty<String> side) {
        ComboBox<String> box = new ComboBox<>(model.choicesProperty());
        box.setId(id);
        box.valueProperty().bindBidirectional(side);
        box.setPromptText("choose a state");
        return box;
    }

    private static TableView<Row> table(SnapshotsModel model) {
        TableView<Row> t = new TableView<>(model.rowsProperty());
        t.setId("compare-table");
        t.setPlaceholder(new Label("Choose two states to compare (pin a snapshot first)."));
        WholeHeaders.keep(t);
        t.getColumns().add(column("figure", r -> r.figure().label() + " (" + r.figure().unit() + ")"));
        TableColumn<Row, String> a = column("A", r -> number(r.a()));
        a.setId("compare-column-a");
        a.textProperty().bind(Bindings.createStringBinding(() -> "A: " + SnapshotsModel.title(model.leftProperty().get()),
                model.leftProperty()));
        TableColumn<Row, String> b = column("B", r -> number(r.b()));
        b.setId("compare-column-b");
        b.textProperty().bind(Bindings.createStringBinding(() -> "B: " + SnapshotsModel.title(model.rightProperty().get()),
                model.rightProperty()));
        t.getColumns().add(a);
        t.getColumns().add(b);
        TableColumn<Row, String> d = column("B − A", ComparePanel::difference);
        d.setId("compare-column-difference");
        d.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                setText(empty ? null : text);
                getStyleClass().removeAll("better", "worse");
                Row row = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (row != null && row.verdict() != 0) {
                    getStyleClass().add(row.verdict() > 0 ? "better" : "worse");
                }
            }
        });
        t.getColumns().add(d);
        return t;
    }

    private static TableColumn<Row, String> column(String title, Function<Row, String> text) {
        TableColumn<Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(f -> new ReadOnlyStringWrapper(text.apply(f.getValue())));
        c.setSortable(false);
        return c;
    }

    /**
     * B - A in the figure's unit, with the relative change; a difference of percentages is in
     * percentage points, since a relative change of a percentage reads as a second percentage.
     */
    static String difference(Row r) {
        if (r.difference() == null) {
            return "–";
        }
        if (r.figure().unit().equals("%")) {
            return String.format(Locale.ROOT, "%+.1f pp", r.difference());
        }
        return String.format(Locale.ROOT, "%+.4g%s", r.difference(),
                r.percent() == null ? "" : String.format(Locale.ROOT, " (%+.1f %%)", r.percent()));
    }

    private static String number(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.4g", v);
    }

    private static Optional<String> askName(Window owner) {
        TextInputDialog d = new TextInputDialog();
        d.initOwner(owner);
        d.setTitle("Pin snapshot");
        d.setHeaderText("Name this snapshot (saved with the scenario)");
        d.getDialogPane().setId("snapshot-name-dialog");
        return d.showAndWait();
    }
}
