package org.splitscope.ui.view;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.splitscope.model.Node;
import org.splitscope.model.Topology;
import org.splitscope.ui.model.NodeKind;
import org.splitscope.ui.model.TopologyLayout;

/**
 * A node of the topology drawn as an icon (chosen by the stylesheet from its kind's class), its
 * id, a source/sink badge and, when something is wrong with it, the problem in words.
 */
final class NodeGlyph extends VBox {
    static final double WIDTH = TopologyLayout.NODE_WIDTH;
    static final double HEIGHT = TopologyLayout.NODE_HEIGHT;

    private final String nodeId;

    NodeGlyph(Node node, int colour, Topology t, String problem) {
        this.nodeId = node.id();
        setId("node-" + node.id());
        getStyleClass().addAll("node-glyph", NodeKind.of(node).styleClass());
        if (problem != null) {
            getStyleClass().add("invalid");
        }
        setAlignment(Pos.TOP_CENTER);
        FontIcon icon = new FontIcon();
        icon.getStyleClass().addAll("node-icon", NodeColours.styleClass(colour));
        Label name = new Label(node.id());
        name.getStyleClass().add("node-name");
        getChildren().addAll(icon, name);
        String ends = node.id().equals(t.source()) && node.id().equals(t.sink()) ? "source · sink"
                : node.id().equals(t.source()) ? "source" : node.id().equals(t.sink()) ? "sink" : null;
        if (ends != null) {
            Label badge = new Label(ends);
            badge.getStyleClass().add("endpoint-badge");
            getChildren().add(badge);
        }
        if (problem != null) {
            Label message = new Label(problem);
            message.getStyleClass().add("inline-problem");
            message.setWrapText(true);
            message.setMaxWidth(WIDTH + 60);
            getChildren().add(message);
        }
        setMinWidth(WIDTH);
        setPrefWidth(WIDTH);
        setMaxWidth(WIDTH + 60);
    }

    String nodeId() {
        return nodeId;
    }
}
