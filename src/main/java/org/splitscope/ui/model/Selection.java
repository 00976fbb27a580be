package org.splitscope.ui.model;

/** The element of the topology the property sheet edits: a node or a link, by id. */
public record Selection(Kind kind, String id) {
    public enum Kind { NODE, LINK }

    public static Selection node(String id) {
        return new Selection(Kind.NODE, id);
    }

    public static Selection link(String id) {
        return new Selection(Kind.LINK, id);
    }
}
