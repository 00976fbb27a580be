package org.splitscope.ui;

import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.splitscope.chart.ChartPalette;
import org.splitscope.ui.model.Explorer;
import org.splitscope.ui.model.MeasuredChartModel;
import org.splitscope.ui.model.Theme;
import org.splitscope.ui.view.ChartsView;
import org.splitscope.ui.view.ComparePanel;
import org.splitscope.ui.view.ExplainPanel;
import org.splitscope.ui.view.FileActions;
import org.splitscope.ui.view.LessonPanel;
import org.splitscope.ui.view.MainMenu;
import org.splitscope.ui.view.OptimizePanel;
import org.splitscope.ui.view.PaletteProbe;
import org.splitscope.ui.view.ProblemListView;
import org.splitscope.ui.view.PropertiesPane;
import org.splitscope.ui.view.StatusView;
import org.splitscope.ui.view.StripPanel;
import org.splitscope.ui.view.SummaryView;
import org.splitscope.ui.view.TestbedPanel;
import org.splitscope.ui.view.TopologyPanel;
import org.splitscope.ui.view.WhatIfPanel;
import org.splitscope.ui.view.WindowLayout;

/**
 * The explorer window: the model strip across the top; the topology editor, the property sheet
 * and the problems in the middle; the metrics summary and, below it, the charts or the Optimize
 * panel in tabs, arranged by a {@link WindowLayout}. It assembles the
 * views over one {@link Explorer} and owns the window-level wiring: title, theme, close, drops.
 */
public final class MainWindow {
    static final double WIDTH = 1440;
    static final double HEIGHT = 980;
    /** The headless screen a snapshot is rendered on: room for the whole window. */
    static final String SNAPSHOT_SCREEN = "1600x1200-32";
    static final String PRESENTATION = "presentation";
    /** The name {@code --tab} gives the lesson, which is no tab but a panel docked at the right edge. */
    static final String LESSON = "lesson";

    private final Explorer explorer;
    private final Stage stage;
    private final Scene scene;
    private final FileActions files;
    private final ChartsView charts;
    private final OptimizePanel optimize;
    private final ComparePanel compare;
    private final WhatIfPanel whatIf;
    private final TestbedPanel testbed;
    private final PaletteProbe probe = new PaletteProbe();
    private final WindowLayout layout;

    public MainWindow(Explorer explorer, Stage stage) {
        this.explorer = explorer;
        this.stage = stage;
        files = new FileActions(explorer, stage);
        charts = new ChartsView(explorer.metrics(), explorer.sweep(),
                new MeasuredChartModel(explorer.document(), explorer.topologyEditor()));

        optimize = new OptimizePanel(explorer.optimize(), explorer.document(), explorer.metrics());
        Tab optimizeTab = new Tab("Optimize", optimize);
        optimizeTab.setId("tab-optimize");
        Tab explainTab = new Tab("Explain", new ExplainPanel(explorer.explain()));
        explainTab.setId("tab-explain");
        explorer.explain().activeProperty().bind(explainTab.selectedProperty());
        compare = new ComparePanel(explorer.snapshots(), stage);
        Tab compareTab = new Tab("Compare", compare);
        compareTab.setId("tab-compare");
        whatIf = new WhatIfPanel(explorer.whatIf(), explorer.sweeps());
        Tab whatIfTab = WhatIfPanel.tab(whatIf, explorer.whatIf());
        testbed = new TestbedPanel(explorer.testbed());
        Tab testbedTab = new Tab("Testbed", testbed);
        testbedTab.setId("tab-testbed");
        Tab chartsTab = new Tab("Charts", ChartsView.scrolling(charts));
        TabPane tabs = new TabPane(chartsTab, optimizeTab, whatIfTab, compareTab, explainTab, testbedTab);
        tabs.setId("results-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        // Run from the menu or F5 shows where the results will appear
        explorer.optimize().runningProperty().addListener((o, was, now) -> {
            if (now) {
                tabs.getSelectionModel().select(optimizeTab);
            }
        });
        explorer.sweeps().runningProperty().addListener((o, was, now) -> {
            if (now) {
                tabs.getSelectionModel().select(whatIfTab);
            }
        });
        layout = new WindowLayout(explorer.layout(), explorer.presentationProperty(), new StripPanel(explorer),
                new TopologyPanel(explorer.document(), explorer.topologyEditor(), explorer.planEditor()),
                new PropertiesPane(explorer.document(), explorer.topologyEditor()),
                new ProblemListView(explorer.metrics(), explorer.document()),
                new SummaryView(explorer.summary(), explorer.metrics()), tabs);
        BorderPane root = new BorderPane(layout.root());
        root.getStyleClass().add("explorer");
        explorer.presentationProperty().addListener((o, was, on) -> {
            charts.setPresentation(on);
            if (on) {
                root.getStyleClass().add(PRESENTATION);
            } else {
                root.getStyleClass().remove(PRESENTATION);
            }
        });
        MenuBar menu = MainMenu.build(explorer, files, stage, this::quit);
        layout.addTo(menu);
        root.setTop(menu);
        root.setBottom(new StatusView(explorer.work(), explorer.metrics()));
        // a lesson sits beside the window's regions, never over a chart, and brings forward the chart it points at
        root.setRight(LessonPanel.docked(explorer.lessons(), chart -> {
            tabs.getSelectionModel().select(chartsTab);
            LessonPanel.reveal((ScrollPane) chartsTab.getContent(), chart);
        }));
        root.getChildren().add(probe);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        files.acceptDrops(scene);
        MainMenu.addSecondShortcuts(scene, explorer);
        applyTheme(explorer.themeProperty().get());
        explorer.themeProperty().addListener((o, a, t) -> applyTheme(t));

        stage.setScene(scene);
        layout.install(stage);
        stage.titleProperty().bind(explorer.document().titleProperty());
        stage.setOnCloseRequest(e -> {
            if (!files.mayDiscardChanges()) {
                e.consume();
            }
        });
    }

    private void applyTheme(Theme theme) {
        scene.getStylesheets().setAll(resource(Theme.BASE_STYLESHEET), resource(theme.stylesheet()));
        ChartPalette palette = probe.read();
        charts.applyPalette(palette);
        optimize.applyPalette(palette);
        compare.applyPalette(palette);
        whatIf.applyPalette(palette);
        testbed.applyPalette(palette);
    }

    private static String resource(String path) {
        java.net.URL url = MainWindow.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException("the stylesheet " + path + " is missing from the classpath");
        }
        return url.toExternalForm();
    }

    /** File > Quit: closes the window unless the user keeps unsaved changes. */
    public void quit() {
        if (files.mayDiscardChanges()) {
            stage.close();
        }
    }

    /** Brings forward the results tab whose header reads {@code name}, in any case; false if there is none. */
    public boolean selectTab(String name) {
        TabPane tabs = (TabPane) scene.lookup("#results-tabs");
        // a lesson is docked beside the tabs, next to the charts it points at
        String shown = name.equalsIgnoreCase(LESSON) ? "Charts" : name;
        var tab = tabs.getTabs().stream().filter(t -> t.getText().equalsIgnoreCase(shown)).findFirst();
        tab.ifPresent(tabs.getSelectionModel()::select);
        return tab.isPresent();
    }

    public Explorer explorer() {
        return explorer;
    }

    public FileActions files() {
        return files;
    }

    public Scene scene() {
        return scene;
    }

    public WindowLayout layout() {
        return layout;
    }

    public ChartsView charts() {
        return charts;
    }

    public OptimizePanel optimize() {
        return optimize;
    }

    public WhatIfPanel whatIf() {
        return whatIf;
    }

    public TestbedPanel testbed() {
        return testbed;
    }
}
