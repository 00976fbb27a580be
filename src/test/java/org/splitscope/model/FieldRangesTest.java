package org.splitscope.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every numeric field has a plausible range; values outside are refused naming the path, the value and the range. */
class FieldRangesTest {
    private static final Topology ONE_NODE = new Topology(List.of(new Node("n", 0, "cpu", 1e9)), null, "n", null, null);

    private static List<FieldRange> allRanges() throws IllegalAccessException {
        List<FieldRange> ranges = new ArrayList<>();
        for (Field f : Ranges.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == FieldRange.class) {
                ranges.add((FieldRange) f.get(null));
            }
        }
        return ranges;
    }

    private static List<Problem> check(double v, FieldRange r) {
        Problems p = new Problems();
        p.inRange(v, r, "x");
        return p.list();
    }

    @Test
    void everyRangeAcceptsItsEndsAndRefusesJustOutside() throws Exception {
        List<FieldRange> ranges = allRanges();
        assertTrue(ranges.size() > 15, "ranges: " + ranges);
        for (FieldRange r : ranges) {
            assertEquals(List.of(), check(r.min(), r), r.describe());
            assertEquals(List.of(), check(r.max(), r), r.describe());
            assertEquals(1, check(Math.nextUp(r.max()), r).size(), r.describe());
            assertEquals(1, check(1e308, r).size(), r.describe());
            assertEquals(1, check(-1, r).size(), r.describe());
            assertEquals(1, check(Double.NaN, r).size(), r.describe());
            if (r.min() > 0) {
                assertEquals(1, check(Math.nextDown(r.min()), r).size(), r.describe());
                assertEquals(1, check(1e-320, r).size(), "a denormal is no amount: " + r.describe());
                assertEquals(r.zeroAllowed() ? 0 : 1, check(0, r).size(), r.describe());
            }
        }
    }

    @Test
    void refusalNamesPathValueAndRangeInWords() {
        Link slow = new Link("phone", "edge", 1e-320, 0.01);
        Problems p = new Problems();
        slow.validate("topology.links[0]", p);
        assertEquals(List.of(new Problem("topology.links[0].bandwidthBps",
                "must be from 1 to 1e15 bit/s, got " + FieldRange.number(1e-320))), p.list());
        assertTrue(p.list().get(0).message().matches(".*got \\d(\\.\\d+)?e-32\\d"), p.list().toString());
        Problems q = new Problems();
        new Unit("u", "conv", 1e19, 2e15, 0).validate("profile.units[3]", q);
        assertEquals(List.of(new Problem("profile.units[3].flops", "must be 0, or from 1e-6 to 1e18 FLOPs, got 1e19"),
                new Problem("profile.units[3].paramBytes", "must be 0, or from 1e-6 to 1e15 bytes, got 2e15")), q.list());
    }

    @Test
    void wrongSignsKeepTheirShortMessages() {
        assertEquals("must be > 0, got -5.0", check(-5, Ranges.BANDWIDTH).get(0).message());
        assertEquals("must be >= 0, got -1.0", check(-1, Ranges.BYTES).get(0).message());
    }

    @Test
    void numbersAreWrittenAsPeopleWriteThem() {
        assertEquals("1500", FieldRange.number(1500));
        assertEquals("0.001", FieldRange.number(1e-3));
        assertEquals("1e15", FieldRange.number(1e15));
        assertEquals("2.5e-7", FieldRange.number(2.5e-7));
        assertEquals("0", FieldRange.number(0));
    }

    @Test
    void everyPricingAndWorkloadFieldHasItsRange() {
        Problems p = new Problems();
        new ServerlessPricing(1e308, 1e308, 1e-320, 1e-320, 1e308, 0.5).validate("pricing", p);
        new DedicatedPricing(1e308).validate("dedicated", p);
        new Codec("zip", 1e-320, 1e308, 1e308).validate("codec", p);
        new SerializationCost(1e308, 1e308, java.util.Map.of(0, 1e-320)).validate("ser", 3, p);
        p.addAll(new Workload(1e-320, 1e308, 0.5, 1e308).validate("workload"));
        p.addAll(new Topology(List.of(new Node("n", null, 5000, "cpu", 1e9, 1e-320, 1_000_000, null, 1e308)),
                null, "n", null, 1e-320).validate("topology"));
        List<String> paths = p.list().stream().map(Problem::path).toList();
        assertEquals(List.of("pricing.usdPerGBSecond", "pricing.usdPerRequest", "pricing.memoryGB",
                "pricing.billingGranularitySeconds", "pricing.coldStartSeconds", "dedicated.usdPerHour", "codec.ratio",
                "codec.encodeSecondsPerMB", "codec.decodeSecondsPerMB", "ser.fixedSeconds", "ser.secondsPerByte",
                "ser.perCutSeconds.0", "workload.arrivalRatePerSecond", "workload.latencySloSeconds",
                "workload.budgetUsdPerRequest", "topology.nodes[0].tier", "topology.nodes[0].memoryBytes",
                "topology.nodes[0].concurrency", "topology.nodes[0].watts", "topology.mtuBytes"), paths);
    }

    @Test
    void aStageBeyondTheLastUnitIsRefusedWithoutWrappingAround() {
        ModelProfile three = new ModelProfile("m", null, 10, null, List.of(new Unit("a", "c", 1, 1, 1),
                new Unit("b", "c", 1, 1, 1), new Unit("c", "c", 1, 1, 1)), null, null, null, null, null, null);
        Plan wrapped = new Plan(List.of(new Stage(1, Integer.MAX_VALUE, "n"), new Stage(Integer.MIN_VALUE, 3, "n")));
        List<Problem> problems = wrapped.validate("plan", three, ONE_NODE);
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("plan.stages[0].lastUnit")
                && p.message().equals("must name a unit from 1 to 3, got 2147483647")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.path().equals("plan.stages[1].firstUnit")), problems::toString);
        Plan alone = new Plan(List.of(new Stage(1, Integer.MAX_VALUE, "n")));
        assertFalse(alone.validate("plan", three, ONE_NODE).isEmpty());
    }

    @Test
    void sizesAboveTheLimitsAreRefusedNamingTheLimit() {
        List<Unit> many = Collections.nCopies(SizeLimits.MAX_UNITS + 1, new Unit("u", "c", 1, 1, 1));
        ModelProfile huge = new ModelProfile("m", null, 10, null, many, null, null, null, null, null, null);
        assertEquals(List.of(new Problem("profile.units", "has 20001 units; SplitScope accepts at most 20000")),
                huge.validate("profile"));
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i <= SizeLimits.MAX_NODES; i++) {
            nodes.add(new Node("n" + i, 0, "cpu", 1e9));
        }
        assertEquals(List.of(new Problem("topology.nodes", "has 2001 nodes; SplitScope accepts at most 2000")),
                new Topology(nodes, null, "n0", null, null).validate("topology"));
        List<Unit> tenThousand = Collections.nCopies(10_000, new Unit("u", "c", 1, 1, 1));
        ModelProfile big = new ModelProfile("m", null, 10, null, tenThousand, null, null, null, null, null, null);
        Topology cluster = new Topology(nodes.subList(0, 1001), null, "n0", null, null);
        assertEquals("topology.nodes", SizeLimits.check(big, cluster).get(0).path());
        assertEquals(List.of(), SizeLimits.check(big, new Topology(nodes.subList(0, 1000), null, "n0", null, null)));
        boolean[] finals = new boolean[SizeLimits.MAX_SAMPLES + 1];
        Problems p = new Problems();
        new SampleStats(new double[0][], new boolean[0][], finals).validate("stats", 0, ExitCriterion.MAX_PROB, p);
        assertEquals(List.of(new Problem("stats.correctFinal", "has 1000001 samples; SplitScope accepts at most 1000000")),
                p.list());
    }

    @Test
    void moreStagesThanUnitsIsOneProblem() {
        ModelProfile one = new ModelProfile("m", null, 10, null, List.of(new Unit("a", "c", 1, 1, 1)), null, null,
                null, null, null, null);
        Plan plan = new Plan(Collections.nCopies(100_000, new Stage(1, 1, "n")));
        assertEquals(List.of(new Problem("plan.stages", "has 100000 stages; a plan has at most one stage per unit (1)")),
                plan.validate("plan", one, ONE_NODE));
    }
}
