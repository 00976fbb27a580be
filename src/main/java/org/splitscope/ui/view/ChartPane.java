package org.splitscope.ui.view;

import java.awt.geom.Point2D;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.beans.binding.Bindings;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableDoubleProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableDoubleProperty;
import javafx.css.StyleableProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.event.EventHandler;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.entity.CategoryItemEntity;
import org.jfree.chart.entity.ChartEntity;
import org.jfree.chart.entity.XYItemEntity;
import org.jfree.chart.fx.ChartCanvas;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.fx.interaction.PanHandlerFX;
import org.jfree.chart.fx.interaction.ZoomHandlerFX;
import org.jfree.chart.plot.XYPlot;
import org.splitscope.chart.ChartData;
import org.splitscope.chart.ChartExport;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.ChartScale;
import org.splitscope.chart.ExplorerChart;

/**
 * One chart in a viewer, with a context menu to open it in its own window, reset its zoom, copy it
 * or save it as PNG or SVG at its on-screen size. On XY charts the mouse wheel zooms about the
 * pointer and a drag pans; on every chart Shift+drag zooms to a rectangle and a double click on
 * the background resets the zoom. Tooltips come from the charts' own generators.
 */
final class ChartPane extends StackPane {
    static final String OPEN_IN_WINDOW = "Open in window";
    static final String RESET_ZOOM = "Reset zoom";
    private static final CssMetaData<ChartPane, Number> SCALE = new CssMetaData<>("-ss-chart-scale",
            StyleConverter.getSizeConverter(), 1.0) {
        @Override
        public boolean isSettable(ChartPane pane) {
            return !pane.scale.isBound();
        }

        @Override
        public StyleableProperty<Number> getStyleableProperty(ChartPane pane) {
            return pane.scale;
        }
    };
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(StackPane.getClassCssMetaData());
        all.add(SCALE);
        CSS = List.copyOf(all);
    }

    private final ExplorerChart chart;
    private final ChartViewer viewer;
    /**
     * How much larger than its own sizes the chart is drawn: the theme sets it (presentation mode:
     * {@code -ss-chart-scale: 1.5}), so every chart of the window follows, whichever tab it is in.
     */
    private final StyleableDoubleProperty scale = new SimpleStyleableDoubleProperty(SCALE, this, "chartScale", 1.0);

    ChartPane(ExplorerChart chart) {
        this(chart, true);
    }

    /**
     * @param main in the main window: the menu offers "Open in window" and the theme sets the size
     *             (not so in a chart's own window)
     */
    private ChartPane(ExplorerChart chart, boolean main) {
        this.chart = chart;
        this.viewer = new ChartViewer(chart.chart(), false);
        setId("chart-" + chart.id());
        getStyleClass().add("chart-pane");
        getChildren().add(viewer);
        setMinSize(120, 90);
        setPrefSize(420, 240);
        gestures();
        if (main) {
            // a chart's own window shows the same chart: its size is the main window's to set
            ChartScale sizes = new ChartScale(chart.chart());
            scale.addListener((o, was, now) -> sizes.set(now.doubleValue() > 0 ? now.doubleValue() : 1));
        }
        MenuItem open = new MenuItem(OPEN_IN_WINDOW);
        open.setOnAction(a -> openInWindow());
        MenuItem reset = new MenuItem(RESET_ZOOM);
        reset.setOnAction(a -> chart.resetZoom());
        MenuItem copy = new MenuItem("Copy image");
        copy.setOnAction(a -> copy());
        MenuItem png = new MenuItem("Save as PNG…");
        png.setOnAction(a -> save("png"));
        MenuItem svg = new MenuItem("Save as SVG…");
        svg.setOnAction(a -> save("svg"));
        ContextMenu menu = new ContextMenu(reset, new SeparatorMenuItem(), copy, png, svg);
        if (main) {
            menu.getItems().add(0, open);
        }
        // a tooltip popping up over the menu hides its items
        menu.setOnShowing(e -> viewer.getCanvas().setTooltipEnabled(false));
        menu.setOnHiding(e -> viewer.getCanvas().setTooltipEnabled(true));
        viewer.setOnContextMenuRequested(e -> menu.show(viewer, e.getScreenX(), e.getScreenY()));
    }

    /**
     * JFreeChart's default is a plain drag zooming to a rectangle and Alt+drag panning, with no way
     * back: here a drag pans (XY charts), Shift+drag zooms and a double click resets. Category
     * charts keep the wheel for scrolling the tab, as zooming a bar's length tells nothing.
     */
    private void gestures() {
        ChartCanvas canvas = viewer.getCanvas();
        canvas.removeMouseHandler(canvas.getMouseHandler("pan"));
        canvas.removeMouseHandler(canvas.getMouseHandler("zoom"));
        canvas.addMouseHandler(new PanHandlerFX("pan"));
        canvas.addMouseHandler(new ZoomHandlerFX("zoom", viewer, false, false, false, true));
        boolean xy = chart.chart().getPlot() instanceof XYPlot;
        if (chart.chart().getPlot() instanceof XYPlot plot) {
            plot.setDomainPannable(true);
            plot.setRangePannable(true);
        }
        canvas.setDomainZoomable(xy);
        canvas.setRangeZoomable(xy);
        // the wheel zooms inside the data area: the tab around it must not scroll as well
        viewer.addEventHandler(ScrollEvent.SCROLL, e -> {
            if (xy && inDataArea(e.getX(), e.getY())) {
                e.consume();
            }
        });
        viewer.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !onItem(e.getX(), e.getY())) {
                chart.resetZoom();
            }
        });
    }

    private boolean inDataArea(double x, double y) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        return info != null && info.getPlotInfo().getDataArea().contains(new Point2D.Double(x, y));
    }

    /** A double click on a bar or point is the view's (the Pareto chart applies the plan). */
    private boolean onItem(double x, double y) {
        ChartRenderingInfo info = viewer.getRenderingInfo();
        ChartEntity e = info == null || info.getEntityCollection() == null ? null : info.getEntityCollection().getEntity(x, y);
        return e instanceof XYItemEntity || e instanceof CategoryItemEntity;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    /** A chart the view fills itself (the Compare tab's overlays), with the same menu and gestures. */
    static ChartPane of(String id, JFreeChart chart) {
        return new ChartPane(new ExplorerChart() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public JFreeChart chart() {
                return chart;
            }

            @Override
            public void show(ChartData data) {
                // filled by its view, not by the live metrics
            }

            @Override
            public void applyPalette(ChartPalette palette) {
                // coloured by its view
            }
        });
    }

    /** The viewer, for views that react to clicks on the chart. */
    ChartViewer viewer() {
        return viewer;
    }

    /**
     * The same chart in a resizable window of its own, so it stays live as the plan changes (a
     * JFreeChart may have any number of viewers: each listens to its changes and draws it). The
     * window closes with the one it came from and then lets go of the chart.
     */
    Stage openInWindow() {
        Window owner = getScene().getWindow();
        ChartPane pane = new ChartPane(chart, false);
        pane.setId("chart-window-" + chart.id());
        Scene scene = new Scene(pane, 900, 560);
        var themes = getScene().getStylesheets();
        Bindings.bindContent(scene.getStylesheets(), themes);
        Stage stage = new Stage();
        stage.setTitle(chart.chart().getTitle() == null ? chart.id() : chart.chart().getTitle().getText());
        stage.setScene(scene);
        EventHandler<WindowEvent> closeWithOwner = e -> stage.close();
        owner.addEventHandler(WindowEvent.WINDOW_HIDDEN, closeWithOwner);
        stage.setOnHidden(e -> {
            owner.removeEventHandler(WindowEvent.WINDOW_HIDDEN, closeWithOwner);
            Bindings.unbindContent(scene.getStylesheets(), themes);
            pane.viewer.getCanvas().setChart(null);
        });
        stage.show();
        return stage;
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
