package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;

class DnnSplitCandidatesTest {
    private static ModelProfile chain(double input, double... cuts) {
        List<Unit> units = new ArrayList<>();
        for (int u = 0; u < cuts.length; u++) {
            units.add(new Unit("u" + (u + 1), "conv", 1e6, 0, cuts[u]));
        }
        return new ModelProfile("m", null, input, null, units, null, null, null, null, null, null);
    }

    @Test
    void strictPrefixMinimaBelowTheInputPlusBothEnds() {
        // input 100; cuts 300, 80, 80, 120, 50, 60: minima at u2 (80 < 100) and u5 (50); u3 ties, not strict
        DnnSplitCandidates c = new DnnSplitCandidates(chain(100, 300, 80, 80, 120, 50, 60));
        assertArrayEquals(new int[] {0, 2, 5, 6}, c.cuts());
        assertTrue(c.isCandidate(5));
        assertFalse(c.isCandidate(3));
        assertEquals(0, c.floor(1), "nothing before u2 carries fewer bytes than the input");
        assertEquals(2, c.floor(4));
        assertEquals(5, c.floor(6), "u6 is a candidate as the last unit, not as a minimum");
    }

    @Test
    void aLastUnitThatIsAMinimumIsListedOnce() {
        assertArrayEquals(new int[] {0, 3}, new DnnSplitCandidates(chain(100, 200, 150, 10)).cuts());
    }

    @Property
    void candidatesAreExactlyTheCutsThatBeatAllEarlierOnes(
            @ForAll @Size(min = 1, max = 30) List<@DoubleRange(min = 1, max = 1000) Double> bytes,
            @ForAll @DoubleRange(min = 1, max = 1000) double input) {
        double[] cuts = bytes.stream().mapToDouble(Double::doubleValue).toArray();
        DnnSplitCandidates c = new DnnSplitCandidates(chain(input, cuts));
        int n = cuts.length;
        double least = input;
        int latest = 0;
        for (int u = 1; u <= n; u++) {
            boolean strictMinimum = cuts[u - 1] < least;
            assertEquals(strictMinimum || u == n, c.isCandidate(u), "unit " + u);
            least = Math.min(least, cuts[u - 1]);
            if (strictMinimum) {
                latest = u;
            }
            assertEquals(latest, c.floor(u), "the latest strict minimum up to unit " + u);
            assertEquals(least, latest == 0 ? input : cuts[latest - 1], "it carries the fewest bytes so far");
        }
        assertTrue(c.isCandidate(0));
    }
}
