package org.splitscope.model;

/** Measured seconds for running units firstUnit..lastUnit (1-based, inclusive) as one piece. */
public record RangeLatency(int firstUnit, int lastUnit, double seconds) {
}
