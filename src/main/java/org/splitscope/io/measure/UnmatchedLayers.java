package org.splitscope.io.measure;

/** What becomes of a measured layer that names no node of the profile: the user chooses, never the importer. */
public enum UnmatchedLayers {
    /** Its time goes to the units of the nearest matched layers before and after it, half each. */
    SPREAD,
    /** Its time is left out of every unit (and reported). */
    LEAVE
}
