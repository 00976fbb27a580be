package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The shaper that runs for each choice and each thing a kernel may lack, and how it is described. */
class ShapingTest {
    private static final KernelLinks.Probe FULL = new KernelLinks.Probe(true, true, true, "");
    private static final KernelLinks.Probe NO_NETEM = new KernelLinks.Probe(true, true, false,
            "this kernel has no netem qdisc (Error: Specified qdisc kind is unknown.)");
    private static final KernelLinks.Probe NO_TBF = new KernelLinks.Probe(true, false, false, "this kernel has no tbf qdisc (x)");
    private static final KernelLinks.Probe NOT_ROOT = new KernelLinks.Probe(false, false, false,
            "network namespaces with veth pairs are not available (needs root): unshare: Operation not permitted");

    @Test
    void autoUsesTheKernelOnlyWhereItCanBothLimitAndDelay() throws Exception {
        Shaping full = Shaping.choose(ShaperChoice.AUTO, FULL);
        assertTrue(full.kernel() && full.kernelDelay());
        assertTrue(full.description().startsWith("kernel: tbf rate") && full.description().contains("netem delay"),
                full.description());
        for (KernelLinks.Probe lacking : new KernelLinks.Probe[] {NO_NETEM, NO_TBF, NOT_ROOT}) {
            Shaping s = Shaping.choose(ShaperChoice.AUTO, lacking);
            assertFalse(s.kernel());
            assertEquals(Testbed.SHAPER + "; kernel shaping not used: " + lacking.reason(), s.description());
        }
    }

    @Test
    void kernelLimitsTheRateAndLeavesTheDelayToTheRelaysWithoutNetem() throws Exception {
        Shaping s = Shaping.choose(ShaperChoice.KERNEL, NO_NETEM);
        assertTrue(s.kernel());
        assertFalse(s.kernelDelay());
        assertEquals("kernel: tbf rate on veth pairs between per-stage network namespaces; "
                + "delay: in-process delay line (this kernel has no netem qdisc)", s.description());
        assertTrue(Shaping.choose(ShaperChoice.KERNEL, FULL).kernelDelay());
    }

    @Test
    void kernelFailsWithTheReasonWhereItCannotEvenLimitTheRate() {
        for (KernelLinks.Probe lacking : new KernelLinks.Probe[] {NO_TBF, NOT_ROOT}) {
            TestbedException e = assertThrows(TestbedException.class, () -> Shaping.choose(ShaperChoice.KERNEL, lacking));
            assertEquals("kernel shaping is not available here: " + lacking.reason(), e.getMessage());
        }
    }

    @Test
    void inProcessIsTheRelaysAloneWhateverTheKernelHas() throws Exception {
        for (KernelLinks.Probe p : new KernelLinks.Probe[] {FULL, NO_NETEM, NOT_ROOT}) {
            assertEquals(Shaping.IN_PROCESS, Shaping.choose(ShaperChoice.IN_PROCESS, p));
        }
        assertEquals(Testbed.SHAPER, Shaping.IN_PROCESS.description());
    }
}
