package org.splitscope.model;

/**
 * A contiguous range of units (1-based, inclusive) run on one node.
 *
 * @param inboundCodec compression of the tensor that enters this stage from another node (the
 *                     input for the first stage, the previous stage's cut otherwise)
 */
public record Stage(int firstUnit, int lastUnit, String node, @OptionalField Codec inboundCodec) {
    public Stage(int firstUnit, int lastUnit, String node) {
        this(firstUnit, lastUnit, node, null);
    }

    public Stage withNode(String newNode) {
        return new Stage(firstUnit, lastUnit, newNode, inboundCodec);
    }
}
