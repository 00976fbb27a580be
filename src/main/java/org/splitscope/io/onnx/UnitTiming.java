package org.splitscope.io.onnx;

/** One unit's measured seconds over the timed runs: the median (what the profile stores) and the spread. */
public record UnitTiming(double median, double min, double max) {
}
