package org.splitscope.perf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.splitscope.model.FieldRange;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.zoo.SampleScenarios;

/** Figures inside the evaluator's warnings are written for people: four significant digits, not 1.9415333249999993. */
class WarningFiguresTest {
    private static final Pattern LONG_DIGITS = Pattern.compile("\\d\\.\\d{6,}");

    @Test
    void aSaturatedResourceIsNamedWithItsUtilizationRounded() {
        Scenario s = SampleScenarios.portendThreeTier();
        Metrics m = Evaluator.evaluate(s.withWorkload(new Workload(1234.5678, null, null, null)));
        String saturated = m.warnings().stream().filter(w -> w.contains("is saturated at")).findFirst().orElseThrow();
        assertTrue(saturated.contains("at 1235 requests/s"), saturated);
        for (String w : m.warnings()) {
            assertFalse(LONG_DIGITS.matcher(w).find(), w);
        }
    }

    @Test
    void aboutKeepsFourSignificantDigits() {
        assertEquals("1.942", FieldRange.about(1.9415333249999993));
        assertEquals("0.1", FieldRange.about(0.1 + 0.2 - 0.2));
        assertEquals("1.235e8", FieldRange.about(123456789));
        assertEquals("0", FieldRange.about(0));
    }
}
