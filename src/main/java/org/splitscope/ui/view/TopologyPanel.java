package org.splitscope.ui.view;

import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.NodeKind;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The topology editor with its tools (add a node of a kind, delete the selection, tidy the layout,
 * zoom) above and the gestures in a line below. The tools wrap instead of sitting in a {@code ToolBar}: a toolbar
 * moves what does not fit into its overflow menu and, after presentation mode's larger fonts,
 * did not bring the hint back.
 */
public final class TopologyPanel extends VBox {
    public TopologyPanel(ScenarioDocument document, TopologyEditor editor, PlanEditor plan) {
        getStyleClass().add("topology-panel");
        MenuButton add = new MenuButton("Add node");
        add.setId("add-node");
        for (NodeKind kind : NodeKind.values()) {
            MenuItem item = new MenuItem(kind.label());
            item.setId("add-node-" + kind.styleClass());
            item.setOnAction(e -> editor.addNode(kind));
            add.getItems().add(item);
        }
        Button delete = new Button("Delete");
        delete.setId("delete-selected");
        delete.disableProperty().bind(editor.selectionProperty().isNull());
        delete.setOnAction(e -> editor.deleteSelected());
        // one short line beside the tools (the canvas keeps the height); the whole list in its tooltip
        Label hint = new Label("Drag to move · Shift-drag to link · right-click for more · wheel zooms");
        hint.setTooltip(new Tooltip("Drag a node to move it · Shift-drag onto another node to link them · drop a"
                + " stage label on a node to run that stage there · right-click for more · the wheel zooms, dragging"
                + " empty space pans, + − 0 zoom in, out and fit"));
        hint.getStyleClass().add("hint");
        hint.setId("topology-hint");
        hint.setWrapText(true);
        TopologyView view = new TopologyView(document, editor, plan);
        VBox.setVgrow(view, Priority.ALWAYS);
        Button tidy = tool("Tidy layout", "topology-tidy", "Lay every node out afresh in rows by tier (one undo step)");
        tidy.setOnAction(e -> editor.tidy());
        Button out = tool("−", "topology-zoom-out", "Zoom out (−, or the mouse wheel)");
        out.setOnAction(e -> view.zoomOut());
        Button in = tool("+", "topology-zoom-in", "Zoom in (+, or the mouse wheel)");
        in.setOnAction(e -> view.zoomIn());
        Button fit = tool("Fit", "topology-fit", "Show the whole topology (0)");
        fit.setOnAction(e -> view.fit());
        FlowPane tools = new FlowPane(add, delete, new Separator(Orientation.VERTICAL), tidy, out, in, fit, hint);
        tools.getStyleClass().add("topology-tools");
        getChildren().addAll(tools, view);
    }

    private static Button tool(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setFocusTraversable(false);
        return b;
    }
}
