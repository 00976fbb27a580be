package org.splitscope.ui.view;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;
import org.splitscope.chart.ChartExport;
import org.splitscope.chart.ExplorerChart;

/** One chart in a viewer, with a context menu to copy it or save it as PNG or SVG at its on-screen size. */
final class ChartPane extends StackPane {
    private final ExplorerChart chart;
    private final ChartViewer viewer;

    ChartPane(ExplorerChart chart) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart.chart(), false);
        setId("chart-" + chart.id());
        getStyleClass().add("chart-pane");
        getChildren().add(viewer);
        setMinSize(120, 90);
        setPrefSize(420, 240);
        MenuItem copy = new MenuItem("Copy image");
        copy.setOnAction(a -> copy());
        MenuItem png = new MenuItem("Save as PNG…");
        png.setOnAction(a -> save("png"));
        MenuItem svg = new MenuItem("Save as SVG…");
        svg.setOnAction(a -> save("svg"));
        ContextMenu menu = new ContextMenu(copy, png, svg);
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
    }

    /** The viewer, for views that react to clicks on the chart. */
    ChartViewer viewer() {
        return viewer;
    }

    private int width() {
        return Math.max(200, (int) Math.round(getWidth()));
    }

    private int height() {
        return Math.max(150, (int) Math.round(getHeight()));
    }

    private void copy() {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(ChartExport.image(chart.chart(), width(), height()), null));
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void save(String format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save chart as " + format.toUpperCase(Locale.ROOT));
        chooser.setInitialFileName(chart.id() + "." + format);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.toUpperCase(Locale.ROOT),
                "*." + format));
        File f = chooser.showSaveDialog(getScene().getWindow());
        if (f == null) {
            return;
        }
        Path file = f.toPath();
        try {
            if (format.equals("png")) {
                ChartExport.png(chart.chart(), file, width(), height());
            } else {
                ChartExport.svg(chart.chart(), file, width(), height());
            }
        } catch (IOException | RuntimeException e) {
            Dialogs.error(getScene().getWindow(), "Could not save the chart", file + ": " + e.getMessage());
        }
    }
}
