package org.splitscope.io.measure;

import java.util.List;

/**
 * What a measurement file holds: its layers in the order the tool ran them.
 *
 * @param source how the times were taken, in words, for the profile's description
 */
public record Measurements(List<MeasuredLayer> layers, String source) {
    public Measurements {
        layers = List.copyOf(layers);
    }

    public double totalSeconds() {
        return layers.stream().mapToDouble(MeasuredLayer::seconds).sum();
    }
}
