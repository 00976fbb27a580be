package org.splitscope.ui.view;

import java.nio.file.Path;
import java.util.Locale;

import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.splitscope.ui.model.BundledLessons;
import org.splitscope.ui.model.BundledSamples;
import org.splitscope.ui.model.Explorer;
import org.splitscope.ui.model.MeasurementsModel;
import org.splitscope.ui.model.NetworkImportModel;
import org.splitscope.ui.model.HeightMode;
import org.splitscope.ui.model.WidthMode;
import org.splitscope.ui.model.Theme;
import org.splitscope.zoo.Granularity;
import org.splitscope.zoo.ModelZoo;
import org.splitscope.zoo.ZooModel;

/** The menu bar: File, Edit, View, Optimize, Help, with the usual shortcuts. Each item calls one command. */
public final class MainMenu {
    private MainMenu() {
    }

    public static MenuBar build(Explorer explorer, FileActions files, Window owner, Runnable quit) {
        LessonActions lessons = new LessonActions(explorer.lessons(), files, owner);
        MenuBar bar = new MenuBar(file(explorer, files, lessons, new ProfileActions(explorer, owner), new ExportStagesAction(explorer, owner), owner, quit), edit(explorer), view(explorer), optimize(explorer),
                help(owner, lessons));
        bar.setId("main-menu");
        return bar;
    }

    /**
     * Shortcuts beyond the one a menu item can show: Redo answers Ctrl+Y as well as Ctrl+Shift+Z,
     * as desktop applications do.
     */
    public static void addSecondShortcuts(Scene scene, Explorer explorer) {
        scene.getAccelerators().put(KeyCombination.keyCombination("Shortcut+Y"), explorer.document()::redo);
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (shortcut != null) {
            item.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private static Menu file(Explorer explorer, FileActions files, LessonActions lessons, ProfileActions profiling,
                             ExportStagesAction stages, Window owner, Runnable quit) {
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : explorer.recent().filesProperty()) {
                recent.getItems().add(item(p.toString(), null, () -> files.openFile(p)));
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        explorer.recent().filesProperty().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        return new Menu("File", null,
                item("New", "Shortcut+N", files::newScenario),
                item("Open…", "Shortcut+O", files::open),
                samples(files, lessons),
                recent,
                new SeparatorMenuItem(),
                item("Save", "Shortcut+S", files::save),
                item("Save As…", "Shortcut+Shift+S", files::saveAs),
                new SeparatorMenuItem(),
                item("Import ONNX model…", "Shortcut+I", files::importModel),
                item("Profile ONNX model on this machine…", null, profiling::profileModel),
                measurements(explorer, owner),
                builtInModels(files),
                item("Export metrics (JSON)…", "Shortcut+E", files::exportMetrics),
                item("Export report (PDF, HTML)…", "Shortcut+R", files::exportReport),
                item("Export plan as JSON…", null, files::exportPlan),
                item("Export stages as ONNX…", null, stages::exportStages),
                new SeparatorMenuItem(),
                item("Quit", "Shortcut+Q", quit));
    }

    /** File > Open sample: every bundled scenario and lesson, its title over its one-line summary. */
    private static Menu samples(FileActions files, LessonActions lessons) {
        Menu menu = new Menu("Open sample");
        menu.setId("menu-samples");
        boolean lessonsBegun = false;
        for (BundledSamples.Sample sample : BundledSamples.all()) {
            if (sample.lesson() && !lessonsBegun) {
                menu.getItems().add(new SeparatorMenuItem());
                lessonsBegun = true;
            }
            Label title = new Label(sample.title());
            title.getStyleClass().add("sample-title");
            Label summary = new Label(sample.summary());
            summary.getStyleClass().add("sample-summary");
            CustomMenuItem item = new CustomMenuItem(new VBox(1, title, summary));
            item.setId((sample.lesson() ? "sample-lesson-" : "sample-") + sample.name());
            item.setOnAction(e -> files.openSample(sample, lessons));
            menu.getItems().add(item);
        }
        return menu;
    }

    /** Import measurements, Import network measurements and Measured vs estimated. */
    private static Menu measurements(Explorer explorer, Window owner) {
        MeasurementActions actions = new MeasurementActions(new MeasurementsModel(explorer.document()), owner);
        NetworkImportActions network = new NetworkImportActions(new NetworkImportModel(explorer.document()), owner);
        Menu menu = new Menu("Measurements", null, item("Import measurements…", null, actions::importMeasurements),
                item("Import network measurements…", null, network::importNetwork),
                item("Measured vs estimated…", null, actions::measuredVsEstimated));
        menu.setId("menu-measurements");
        return menu;
    }

    /** One submenu per model of the zoo, each offering it block by block or layer by layer. */
    private static Menu builtInModels(FileActions files) {
        Menu models = new Menu("Built-in model");
        models.setId("menu-built-in");
        for (ZooModel m : ModelZoo.all()) {
            models.getItems().add(new Menu(m.title(), null,
                    item("Blocks", null, () -> files.useBuiltInModel(m, Granularity.BLOCKS)),
                    item("Layers", null, () -> files.useBuiltInModel(m, Granularity.LAYERS))));
        }
        return models;
    }

    private static Menu edit(Explorer explorer) {
        MenuItem undo = item("Undo", "Shortcut+Z", explorer.document()::undo);
        undo.disableProperty().bind(explorer.document().canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", explorer.document()::redo);
        redo.disableProperty().bind(explorer.document().canRedoProperty().not());
        MenuItem delete = item("Delete selected node or link", "Delete", explorer.topologyEditor()::deleteSelected);
        delete.disableProperty().bind(explorer.topologyEditor().selectionProperty().isNull());
        MenuItem tidy = item("Tidy topology layout", "Shortcut+Shift+L", explorer.topologyEditor()::tidy);
        tidy.setId("menu-tidy-layout");
        return new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), delete, tidy);
    }

    private static Menu view(Explorer explorer) {
        Menu theme = new Menu("Theme");
        ToggleGroup themes = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(t.label());
            item.setId("theme-" + t.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(themes);
            item.setSelected(explorer.themeProperty().get() == t);
            item.setOnAction(e -> explorer.themeProperty().set(t));
            theme.getItems().add(item);
        }
        Menu height = new Menu("Bar height");
        ToggleGroup heights = new ToggleGroup();
        for (HeightMode m : HeightMode.values()) {
            RadioMenuItem item = new RadioMenuItem(m.label());
            item.setToggleGroup(heights);
            item.setSelected(explorer.strip().heightModeProperty().get() == m);
            item.setOnAction(e -> explorer.strip().heightModeProperty().set(m));
            height.getItems().add(item);
        }
        Menu width = new Menu("Bar width");
        ToggleGroup widths = new ToggleGroup();
        for (WidthMode m : WidthMode.values()) {
            RadioMenuItem item = new RadioMenuItem(m.label());
            item.setId("width-" + m.name().toLowerCase(Locale.ROOT));
            item.setToggleGroup(widths);
            item.setSelected(explorer.strip().widthModeProperty().get() == m);
            item.setOnAction(e -> explorer.strip().widthModeProperty().set(m));
            width.getItems().add(item);
        }
        CheckMenuItem presentation = new CheckMenuItem("Presentation mode (large fonts)");
        presentation.setId("menu-presentation");
        presentation.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        presentation.selectedProperty().bindBidirectional(explorer.presentationProperty());
        return new Menu("View", null, theme, height, width, new SeparatorMenuItem(), presentation);
    }

    private static Menu optimize(Explorer explorer) {
        MenuItem run = item("Run optimizer", "F5", explorer.optimize()::run);
        run.setId("menu-optimize-run");
        MenuItem cancel = item("Cancel optimizer", null, explorer.optimize()::cancel);
        cancel.disableProperty().bind(explorer.optimize().runningProperty().not());
        MenuItem sweep = item("Run what-if sweep", "F6", explorer.sweeps()::run);
        sweep.setId("menu-whatif-sweep");
        MenuItem cancelSweep = item("Cancel what-if sweep", null, explorer.sweeps()::cancel);
        cancelSweep.disableProperty().bind(explorer.sweeps().runningProperty().not());
        return new Menu("Optimize", null, run, cancel, new SeparatorMenuItem(), sweep, cancelSweep);
    }

    private static Menu help(Window owner, LessonActions lessons) {
        Menu lessonMenu = new Menu("Lessons");
        lessonMenu.setId("menu-lessons");
        for (String name : BundledLessons.NAMES) {
            lessonMenu.getItems().add(item(BundledLessons.title(name), null, () -> lessons.startBundled(name)));
        }
        lessonMenu.getItems().addAll(new SeparatorMenuItem(), item("Open lesson file…", null, lessons::open));
        MenuItem guide = item("User guide", "F1", () -> UserGuide.open(owner));
        guide.setId("menu-guide");
        return new Menu("Help", null, guide, lessonMenu, new SeparatorMenuItem(),
                item("About SplitScope", null, () -> Dialogs.about(owner)));
    }
}
