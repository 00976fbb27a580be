package org.splitscope.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The problems heading never says "none" above a list of warnings (a saturated link read as no problem). */
class ProblemHeadingTest {
    @Test
    void warningsAreCountedBesideTheProblems() {
        assertEquals("Problems: none", ProblemListView.heading(0, 0, false));
        assertEquals("Problems: none · 1 warning", ProblemListView.heading(0, 1, false));
        assertEquals("Problems: none · 5 warnings", ProblemListView.heading(0, 5, false));
        assertEquals("Problems: 2 · 3 warnings (metrics shown are the last valid ones, greyed)",
                ProblemListView.heading(2, 3, true));
        assertEquals("Problems: 1", ProblemListView.heading(1, 0, false));
    }
}
