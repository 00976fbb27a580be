package org.splitscope.ui.model;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;

/**
 * What a node is, for its icon and for the template a new node starts from. The templates are
 * starting values to edit (the figures of the sample scenarios' devices), not measurements.
 */
public enum NodeKind {
    END_DEVICE("End device", "end-device"),
    EDGE_SERVER("Edge server", "edge-server"),
    CLOUD_SERVER("Cloud server", "cloud-server"),
    SERVERLESS("Serverless function", "serverless");

    private static final double GB = 1e9;
    private final String label;
    private final String styleClass;

    NodeKind(String label, String styleClass) {
        this.label = label;
        this.styleClass = styleClass;
    }

    public String label() {
        return label;
    }

    /** The CSS class that picks the icon (in {@code assets/splitscope.css}). */
    public String styleClass() {
        return styleClass;
    }

    public static NodeKind of(Node n) {
        if (n.isServerless()) {
            return SERVERLESS;
        }
        return n.tier() <= 0 ? END_DEVICE : n.tier() == 1 ? EDGE_SERVER : CLOUD_SERVER;
    }

    /** A new node of this kind with the given id. */
    public Node template(String id) {
        return switch (this) {
            case END_DEVICE -> new Node(id, "End device", 0, "rpi4", 8e9, 4 * GB, 1, null, 6.4);
            case EDGE_SERVER -> new Node(id, "Edge server", 1, "t4", 405e9, 16 * GB, 1,
                    new DedicatedPricing(0.526), null);
            case CLOUD_SERVER -> new Node(id, "Cloud server", 2, "v100", 785e9, 16 * GB, 1,
                    new DedicatedPricing(3.06), null);
            case SERVERLESS -> new Node(id, "Serverless function", 2, "lambda-x86", 20e9, null, 1000,
                    new ServerlessPricing(0.0000166667, 0.20 / 1e6, 1.769, 0.001, 0.25, 0.05), null);
        };
    }

    /** Id prefix of new nodes of this kind. */
    String idPrefix() {
        return switch (this) {
            case END_DEVICE -> "device";
            case EDGE_SERVER -> "edge";
            case CLOUD_SERVER -> "cloud";
            case SERVERLESS -> "function";
        };
    }
}
