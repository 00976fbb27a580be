package org.splitscope.ui.view;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.splitscope.ui.model.LayoutMemory;
import org.splitscope.ui.model.LayoutMemory.Region;

/**
 * The window's regions in split panes the user drags: the model strip; the topology editor beside
 * the property sheet over the problems; the summary over the lower tabs. The View menu hides and
 * shows the strip, the editor and the summary; the lower tabs fill the window (double-click a tab's
 * header, or Ctrl+Shift+M) and come back the same way or with Esc. Divider positions and the
 * shown regions are kept in a {@link LayoutMemory}, one set of shares for the desk and one for
 * presentation mode. The lower tabs never get less than {@link #LEAST_TAB_CONTENT} of height, and
 * until the user drags a divider a low window gives them {@link #ROOM_FOR_TABS} first: the strip
 * and the editor give way down to their least heights. The dividers are placed again whenever the
 * window is resized, so each region keeps its share rather than the top one taking every change.
 */
public final class WindowLayout {
    static final String SHOW_STRIP = "Alt+1";
    static final String SHOW_EDITOR = "Alt+2";
    static final String SHOW_SUMMARY = "Alt+3";
    static final String TABS_FILL_WINDOW = "Shortcut+Shift+M";
    /** A lower tab's content is never lower than one chart of the Charts tab: a divider stops there. */
    public static final double LEAST_TAB_CONTENT = ChartsView.MIN_CHART_HEIGHT;
    /**
     * The height of a lower tab's content a new user finds where the window allows it: at 1280x720
     * the settings, tables, Run buttons and both of Testbed's charts all in view without scrolling.
     */
    public static final double ROOM_FOR_TABS = 260;

    private final LayoutMemory memory;
    private final ObservableValue<Boolean> presentation;
    private final SplitPane main = new SplitPane();
    private final SplitPane editor;
    private final SplitPane side;
    private final Map<Region, Node> regions = new EnumMap<>(Region.class);
    private final Node summary;
    private final TabPane tabs;
    private final ScrollPane stripScroll;

    public WindowLayout(LayoutMemory memory, BooleanProperty presentation, Node strip, Node topology, Node sheet,
                        Node problems, Node summary, TabPane tabs) {
        this.memory = memory;
        this.presentation = presentation;
        this.summary = summary;
        this.tabs = tabs;
        side = new SplitPane(sheet, problems);
        side.setOrientation(Orientation.VERTICAL);
        side.setId("side-split");
        editor = new SplitPane(topology, side);
        editor.setId("editor-split");
        VBox results = new VBox(summary, tabs) {
            @Override
            protected double computeMinHeight(double width) {
                return snappedTopInset() + (summary.isManaged() ? summary.minHeight(width) : 0) + tabHeader()
                        + LEAST_TAB_CONTENT + snappedBottomInset();
            }
        };
        results.getStyleClass().add("results");
        VBox.setVgrow(tabs, Priority.ALWAYS);
        main.setOrientation(Orientation.VERTICAL);
        main.setId("main-split");
        stripScroll = squeezable(strip, presentation);
        regions.put(Region.STRIP, stripScroll);
        regions.put(Region.EDITOR, editor);
        regions.put(Region.RESULTS, results);

        for (BooleanProperty shown : List.of(memory.stripShownProperty(), memory.editorShownProperty(),
                memory.summaryShownProperty())) {
            shown.addListener((o, was, now) -> {
                memory.tabsFillWindowProperty().set(false);
                arrange();
            });
        }
        memory.tabsFillWindowProperty().addListener(o -> arrange());
        presentation.addListener(o -> arrange());
        main.heightProperty().addListener(o -> placeAgain());
        main.widthProperty().addListener(o -> placeAgain());
        // only the user's drags are remembered, not the split panes' own moves when the window is resized
        main.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node n && isDivider(n)) {
                rememberDividers();
            }
        });
        tabs.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2
                    && onTabHeader(e.getPickResult().getIntersectedNode())) {
                toggleTabsFillWindow();
                e.consume();
            }
        });
        for (Tab t : tabs.getTabs()) {
            if (t.getTooltip() == null) {
                t.setTooltip(new Tooltip("Double-click: the tabs fill the window (again, or Esc, to come back)"));
            }
        }
        arrange();
    }

    /**
     * The strip in a pane that scrolls in presentation mode: its large controls would otherwise
     * hold the strip at a height that leaves a low screen's tabs no room for a chart. At the desk
     * the strip keeps its least height as before.
     */
    private static ScrollPane squeezable(Node strip, ObservableValue<Boolean> presentation) {
        ScrollPane scroll = new ScrollPane(strip) {
            @Override
            protected double computeMinHeight(double width) {
                return presentation.getValue() ? super.computeMinHeight(width)
                        : strip.minHeight(width) + snappedTopInset() + snappedBottomInset();
            }
        };
        scroll.setId("strip-scroll");
        scroll.getStyleClass().add("strip-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        presentation.addListener(o -> scroll.requestLayout());
        return scroll;
    }

    /** The split panes, for the window's centre. */
    public SplitPane root() {
        return main;
    }

    /**
     * Puts the layout into the window: Esc gives the lower tabs back their place, the dividers are set
     * again once the window is shown (a split pane laid out for the first time moves them), and the
     * layout is written to disk when the window closes.
     */
    public void install(Stage stage) {
        stage.getScene().addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && memory.tabsFillWindowProperty().get()) {
                memory.tabsFillWindowProperty().set(false);
                e.consume();
            }
        });
        stage.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> memory.flush());
        if (stage.isShowing()) {
            Platform.runLater(this::arrange);
        } else {
            stage.addEventHandler(WindowEvent.WINDOW_SHOWN, e -> arrange());
        }
    }

    /** View menu: show or hide each region, let the tabs fill the window, reset the layout. */
    public void addTo(MenuBar bar) {
        Menu view = bar.getMenus().stream().filter(m -> "View".equals(m.getText())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the menu bar has no View menu"));
        MenuItem reset = new MenuItem("Reset layout");
        reset.setId("menu-reset-layout");
        reset.setOnAction(e -> reset());
        view.getItems().addAll(new SeparatorMenuItem(),
                check("Show model strip", "menu-show-strip", SHOW_STRIP, memory.stripShownProperty()),
                check("Show topology and property sheet", "menu-show-editor", SHOW_EDITOR, memory.editorShownProperty()),
                check("Show summary", "menu-show-summary", SHOW_SUMMARY, memory.summaryShownProperty()),
                check("Lower tabs fill the window", "menu-tabs-fill", TABS_FILL_WINDOW, memory.tabsFillWindowProperty()),
                reset);
    }

    private static CheckMenuItem check(String text, String id, String shortcut, BooleanProperty state) {
        CheckMenuItem item = new CheckMenuItem(text);
        item.setId(id);
        item.setAccelerator(KeyCombination.keyCombination(shortcut));
        item.selectedProperty().bindBidirectional(state);
        return item;
    }

    /** View > Reset layout: every region shown, every divider where a new user finds it. */
    public void reset() {
        memory.reset();
        arrange();
    }

    public void toggleTabsFillWindow() {
        memory.tabsFillWindowProperty().set(!memory.tabsFillWindowProperty().get());
    }

    private void arrange() {
        List<Region> shown = memory.shownRegions();
        boolean summaryShown = memory.summaryShownProperty().get() && !memory.tabsFillWindowProperty().get();
        summary.setVisible(summaryShown);
        summary.setManaged(summaryShown);
        List<Node> items = shown.stream().map(regions::get).toList();
        if (!main.getItems().equals(items)) {
            main.getItems().setAll(items);
        }
        placeDividers();
        afterNextLayout(() -> {
            placeDividers();
            // a strip that scrolls shows its bars first, not the control that took the focus
            stripScroll.setVvalue(0);
        });
    }

    /** The window was resized: the split pane moved the dividers itself, so they are placed from the shares again. */
    private void placeAgain() {
        placeDividers();
        afterNextLayout(this::placeDividers);
    }

    /** The height of the tabs' header row (0 before the tabs are first shown). */
    private double tabHeader() {
        return tabs.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("tab-header-area") && n instanceof javafx.scene.layout.Region)
                .mapToDouble(n -> ((javafx.scene.layout.Region) n).prefHeight(-1)).findFirst().orElse(0);
    }

    private void placeDividers() {
        boolean mode = presentation.getValue();
        main.setDividerPositions(feasible(memory.dividerPositions(mode, memory.shownRegions()),
                !memory.remembersDividers(mode)));
        editor.setDividerPositions(memory.editorDivider());
        side.setDividerPositions(memory.sideDivider());
    }

    /**
     * The positions moved so that every region gets at least its least height, the others giving
     * up room in proportion to what they have beyond theirs. The split pane would push a divider
     * off a region that is too low itself, but where it ends depends on the order of its layouts:
     * this way a region that comes back finds the same place every time. With {@code room} (the
     * user has dragged no divider) the lower tabs' least height is {@link #ROOM_FOR_TABS} of content,
     * or what the other regions' least heights leave where the window is lower than that.
     */
    private double[] feasible(double[] positions, boolean room) {
        double height = main.getHeight() - main.snappedTopInset() - main.snappedBottomInset();
        List<Node> items = main.getItems();
        if (height <= 0 || items.size() < 2) {
            return positions;
        }
        double divider = main.getChildrenUnmodifiable().stream()
                .filter(n -> n.getStyleClass().contains("split-pane-divider"))
                .mapToDouble(n -> n.getLayoutBounds().getHeight()).max().orElse(0);
        int n = items.size();
        double[] size = new double[n];
        double[] least = new double[n];
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double next = i < n - 1 ? positions[i] : 1;
            size[i] = (next - previous) * height;
            previous = next;
            least[i] = items.get(i).minHeight(main.getWidth()) + (i == 0 || i == n - 1 ? divider / 2 : divider);
        }
        if (room && items.get(n - 1) == regions.get(Region.RESULTS)) {
            double others = 0;
            for (int i = 0; i < n - 1; i++) {
                others += least[i];
            }
            double wanted = least[n - 1] - LEAST_TAB_CONTENT + ROOM_FOR_TABS;
            least[n - 1] = Math.max(least[n - 1], Math.min(wanted, height - others));
        }
        for (int round = 0; round < n; round++) {
            double deficit = 0;
            double slack = 0;
            for (int i = 0; i < n; i++) {
                if (size[i] < least[i]) {
                    deficit += least[i] - size[i];
                    size[i] = least[i];
                } else {
                    slack += size[i] - least[i];
                }
            }
            if (deficit <= 0 || slack <= 0) {
                break;
            }
            double share = Math.min(1, deficit / slack);
            for (int i = 0; i < n; i++) {
                if (size[i] > least[i]) {
                    size[i] -= (size[i] - least[i]) * share;
                }
            }
        }
        double[] placed = new double[n - 1];
        double sum = 0;
        for (int i = 0; i < n - 1; i++) {
            sum += size[i];
            placed[i] = Math.min(1, sum / height);
        }
        return placed;
    }

    /**
     * Runs an action once the scene has been laid out: a split pane given new items places their
     * dividers itself in its first layout, so they are placed once more after it.
     */
    private void afterNextLayout(Runnable action) {
        Scene scene = main.getScene();
        if (scene == null) {
            return;
        }
        boolean[] done = new boolean[1];
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                action.run();
                Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    /** Remembers where the dividers are now: the user has just dragged one. */
    void rememberDividers() {
        if (!memory.tabsFillWindowProperty().get()) {
            memory.rememberDividers(presentation.getValue(), memory.shownRegions(), main.getDividerPositions());
        }
        memory.rememberEditorDivider(editor.getDividerPositions()[0]);
        memory.rememberSideDivider(side.getDividerPositions()[0]);
    }

    private static boolean isDivider(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
            if (p instanceof SplitPane) {
                return false;
            }
        }
        return false;
    }

    /** A node in the tabs' header row (a tab's label or the row around the tabs), not in a tab's content. */
    private static boolean onTabHeader(Node n) {
        for (Node p = n; p != null && !(p instanceof TabPane); p = p.getParent()) {
            if (p.getStyleClass().contains("tab-header-area")) {
                return true;
            }
        }
        return false;
    }
}
