package org.splitscope.optimize;

/** Where a search may enable exits. */
public enum ExitRule {
    /** After any unit that has an exit head (the default). */
    FREE,
    /** Only where a stage ends (PORTEND's search space). */
    STAGE_ENDS
}
