package org.splitscope.optimize;

/** Units firstUnit..lastUnit (1-based, inclusive) must run on the given node wherever they are deployed. */
public record Pin(int firstUnit, int lastUnit, String node) {
    public boolean covers(int unit) {
        return unit >= firstUnit && unit <= lastUnit;
    }

    boolean overlaps(int first, int last) {
        return first <= lastUnit && firstUnit <= last;
    }
}
