package org.splitscope.model;

/**
 * One thing wrong with an input, located by its JSON path (for example
 * {@code topology.links[2].bandwidthBps}) and explained in plain words.
 */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return (path == null || path.isEmpty() ? "(file)" : path) + ": " + message;
    }
}
