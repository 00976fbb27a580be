package org.splitscope.zoo;

/** A tensor's shape at batch 1: channels x height x width (a vector is c x 1 x 1). */
record Shape(int channels, int height, int width) {
    long elements() {
        return (long) channels * height * width;
    }

    /** fp32: four bytes per element. */
    double bytes() {
        return 4.0 * elements();
    }
}
