package org.splitscope.optimize;

import org.splitscope.model.Node;

/**
 * Units firstUnit..lastUnit (1-based, inclusive) must not run on a node (when {@code node} is set)
 * or on any node of a tier (when {@code tier} is set), for privacy or hardware limits.
 */
public record Forbid(int firstUnit, int lastUnit, String node, Integer tier) {
    public static Forbid onNode(int firstUnit, int lastUnit, String node) {
        return new Forbid(firstUnit, lastUnit, node, null);
    }

    public static Forbid onTier(int firstUnit, int lastUnit, int tier) {
        return new Forbid(firstUnit, lastUnit, null, tier);
    }

    public boolean covers(int unit) {
        return unit >= firstUnit && unit <= lastUnit;
    }

    public boolean appliesTo(Node n) {
        return node != null ? node.equals(n.id()) : tier != null && tier == n.tier();
    }

    String where() {
        return node != null ? "node '" + node + "'" : "tier " + tier;
    }
}
