package org.splitscope.zoo;

/** How finely a built-in model is cut into units. */
public enum Granularity {
    /** Every operator is a unit (conv, bn, relu, add, ...): the most cut points, hundreds of units. */
    LAYERS,
    /** Every block is a unit (a stem, a residual or inverted-residual block, a classifier). */
    BLOCKS
}
