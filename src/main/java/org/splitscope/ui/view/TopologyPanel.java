package org.splitscope.ui.view;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.splitscope.ui.model.NodeKind;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The topology editor with its tools (add a node of a kind, delete the selection) above and the
 * gestures in a line below. The tools wrap instead of sitting in a {@code ToolBar}: a toolbar
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
            item.setOnAction(e -> editor.addNode(kind, 0.5));
            add.getItems().add(item);
        }
        Button delete = new Button("Delete");
        delete.setId("delete-selected");
        delete.disableProperty().bind(editor.selectionProperty().isNull());
        delete.setOnAction(e -> editor.deleteSelected());
        Label hint = new Label("Drag to move · Shift-drag onto another node to link · drop a stage label on a node · right-click for more");
        hint.getStyleClass().add("hint");
        hint.setId("topology-hint");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        TopologyView view = new TopologyView(document, editor, plan);
        // a low pane scrolls over whole tiers rather than squeezing them (its divider stays where the user put it)
        ScrollPane scroll = new ScrollPane(view);
        scroll.setId("topology-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        FlowPane tools = new FlowPane(add, delete);
        tools.getStyleClass().add("topology-tools");
        getChildren().addAll(tools, scroll, hint);
    }
}
