package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.NotProvenScenario;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Progress;
import org.splitscope.optimize.SearchRequest;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepParameter;

/** {@code sweep --optimize}: the best plan at every value is the optimizer's, and the change points are marked. */
class SweepOptimizeTest {
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");

    @Test
    void bestPlanPerValueWithChangePointsMarked() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "link:phone-edge.bandwidth",
                "--from", "1e5", "--to", "1e9", "--steps", "9", "--log", "--optimize", "MEAN_LATENCY");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String[] table = r.out().split("Best plan for mean latency at each value")[1].split("\n");
        List<String> rows = List.of(table).subList(2, table.length);
        assertEquals(9, rows.size(), r.out());

        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        SweepParameter bandwidth = SweepParameter.parse("link:phone-edge.bandwidth");
        double[] values = Sweep.values(1e5, 1e9, 9, true);
        String previous = null;
        int marked = 0;
        for (int i = 0; i < values.length; i++) {
            Scenario at = bandwidth.apply(s, values[i]);
            var best = new ExactChainSearch(SearchRequest.of(at, Objective.MEAN_LATENCY)).top(1, Progress.NONE, CancellationToken.none()).get(0);
            String plan = PlanTable.describe(best.plan());
            assertTrue(rows.get(i).endsWith("  " + plan), rows.get(i) + " vs " + plan);
            String stages = plan.split(" ")[0];
            boolean changed = previous != null && !previous.equals(stages);
            assertEquals(changed, rows.get(i).charAt(markColumn("link:phone-edge.bandwidth")) == '*', rows.get(i));
            marked += changed ? 1 : 0;
            previous = stages;
        }
        assertTrue(marked >= 1, "slow uplink keeps work on the phone, a fast one offloads it: " + r.out());
    }

    /**
     * A floor sweep's best-plan table shows the accuracy each best plan reaches (the figure the floor is about),
     * and its heading says what the '*' marks: a change of cuts or placement, not of exits or thresholds.
     */
    @Test
    void aFloorSweepShowsEachBestPlansAccuracyAndSaysWhatTheStarMarks() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "workload.accuracyFloor",
                "--from", "0.5", "--to", "0.9", "--steps", "5", "--optimize", "latency");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().contains("at each value (* where the cuts or placement change, ~ where the plan is not proven"
                + " optimal):"), r.out());
        assertFalse(r.out().contains("Not proven optimal"), "every best plan here is proven: " + r.out());
        String[] table = r.out().split("Best plan for mean latency at each value")[1].split("\n");
        assertTrue(table[1].matches("workload\\.accuracyFloor\\s+mean\\s+accuracy\\s+cost/million\\s+plan"), table[1]);
        List<String> rows = List.of(table).subList(2, table.length);
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        SweepParameter floor = SweepParameter.parse("workload.accuracyFloor");
        double[] values = Sweep.values(0.5, 0.9, 5, false);
        assertEquals(values.length, rows.size(), r.out());
        for (int i = 0; i < values.length; i++) {
            var best = new ExactChainSearch(SearchRequest.of(floor.apply(s, values[i]), Objective.MEAN_LATENCY))
                    .top(1, Progress.NONE, CancellationToken.none()).get(0);
            int mark = markColumn("workload.accuracyFloor");
            assertEquals(' ', rows.get(i).charAt(mark + 1), rows.get(i));
            assertEquals(table[1].indexOf("mean") + 4, rows.get(i).indexOf(" ms") + 3, "the header stays over its column");
            String[] cells = rows.get(i).substring(mark + 2).strip().split("\\s{2,}");
            assertEquals(Format.percent(best.metrics().accuracy()), cells[1], rows.get(i));
            assertTrue(best.metrics().accuracy() >= values[i] - 1e-9, rows.get(i));
        }
    }

    /**
     * Thirty exits with per-sample statistics that follow no pattern: the branch and bound stops
     * at its budget with a proven gap, so the best plan at a floor is not proven optimal; before,
     * the sweep's table showed it as the optimum with no word of that.
     */
    @Test
    void aBestPlanNotProvenOptimalIsMarkedWithTheSearchsReason(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("thirty.json");
        ScenarioFiles.write(NotProvenScenario.thirtyExits(), file);
        CommandLineTest.Run r = CommandLineTest.run("sweep", file.toString(),
                "--param", "workload.accuracyFloor", "--from", "0.8", "--to", "0.85", "--steps", "2", "--optimize", "latency");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String[] table = r.out().split("Best plan for mean latency at each value")[1].split("\n");
        for (String row : List.of(table).subList(2, 4)) {
            assertEquals('~', row.charAt(markColumn("workload.accuracyFloor") + 1), row);
        }
        assertTrue(r.out().contains("Not proven optimal (marked ~): 2 of 2 points; optimize at such a value lists the"
                + " search's notes"), r.out());
    }

    /**
     * Sweeping the floor leaves the current plan's figures alone: the identical rows print once as
     * a range of floors, split where the floor stops being met, and each says whether it is met;
     * floors print as typed (0.5), not 0.500000.
     */
    @Test
    void aFloorSweepsCurrentPlanTableSaysWhereTheFloorIsMetWithoutRepeatingRows() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "workload.accuracyFloor",
                "--from", "0.5", "--to", "1", "--steps", "11");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        double accuracy = new org.splitscope.perf.Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload()).accuracy();
        double[] floors = Sweep.values(0.5, 1, 11, false);
        String lastMet = null;
        String firstMissed = null;
        for (double f : floors) {
            if (f <= accuracy) {
                lastMet = Format.value(f);
            } else if (firstMissed == null) {
                firstMissed = Format.value(f);
            }
        }
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), "a header and two rows: " + r.out());
        assertTrue(lines.get(0).endsWith("bottleneck        goals"), lines.get(0));
        assertTrue(lines.get(1).startsWith("0.5 .. " + lastMet + " ") && lines.get(1).endsWith("floor met"), r.out());
        assertEquals(lines.get(0).indexOf("mean") + 4, lines.get(1).indexOf(" ms") + 3, "the header stays over its column: " + r.out());
        assertTrue(lines.get(2).startsWith(firstMissed + " .. 1 ") && lines.get(2).endsWith("floor missed"), r.out());
        assertFalse(r.out().contains("0.500000"), r.out());
    }

    /** The heat map marks each cell whose best plan is not proven optimal, as the one-parameter table marks its rows. */
    @Test
    void gridMarksEachCellNotProvenOptimal(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("thirty.json");
        ScenarioFiles.write(NotProvenScenario.thirtyExits(), file);
        CommandLineTest.Run r = CommandLineTest.run("sweep", file.toString(),
                "--param", "node:dev.compute", "--from", "1e9", "--to", "2e9", "--steps", "2", "--optimize",
                "latency", "--param2", "workload.accuracyFloor", "--from2", "0.85", "--to2", "0.85", "--steps2", "1");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String row = r.out().lines().toList().get(2);
        String[] cells = row.substring(12).strip().split("\\s{2,}");
        assertEquals(2, cells.length, r.out());
        for (String cell : cells) {
            assertTrue(cell.matches("[0-9.]+ [A-Z]~"), row);
        }
        assertTrue(r.out().contains("Not proven optimal (marked ~): 2 of 2 points;"), r.out());

        CommandLineTest.Run proven = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "workload.accuracyFloor",
                "--from", "0", "--to", "0.5", "--steps", "2", "--optimize", "latency",
                "--param2", "link:phone-edge.bandwidth", "--from2", "1e6", "--to2", "1e7", "--steps2", "2");
        assertFalse(proven.out().contains("~"), proven.out());
    }

    /** The heat map's "none" cells are where no plan meets the goals, and a footnote says so; "invalid" likewise. */
    @Test
    void gridExplainsItsNoneAndInvalidCellsInFootnotes() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "workload.accuracyFloor",
                "--from", "0", "--to", "1", "--steps", "3", "--optimize", "latency",
                "--param2", "link:phone-edge.bandwidth", "--from2", "1e6", "--to2", "0", "--steps2", "3");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        SweepParameter floor = SweepParameter.parse("workload.accuracyFloor");
        SweepParameter bandwidth = SweepParameter.parse("link:phone-edge.bandwidth");
        double[] floors = Sweep.values(0, 1, 3, false);
        double[] bandwidths = Sweep.values(1e6, 0, 3, false);
        int none = 0;
        for (int j = 0; j < bandwidths.length - 1; j++) {
            String[] cells = lines.get(2 + j).substring(12).strip().split("\\s{2,}");
            for (int i = 0; i < floors.length; i++) {
                Scenario at = bandwidth.apply(floor.apply(s, floors[i]), bandwidths[j]);
                boolean feasible = Sweep.reoptimizing(Objective.MEAN_LATENCY).apply(at) != null;
                assertEquals(!feasible, cells[i].equals("none"), lines.get(2 + j));
                none += feasible ? 0 : 1;
            }
        }
        assertTrue(none > 0, "an accuracy floor of 1 is out of reach: " + r.out());
        assertTrue(lines.get(4).matches("0\\s+invalid\\s+invalid\\s+invalid"), "no bandwidth at all: " + r.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("none: no feasible plan there;")).count(), r.out());
        assertEquals(1, lines.stream().filter(l -> l.startsWith("invalid: the scenario has problems there, for example "
                + "topology.links")).count(), r.out());

        CommandLineTest.Run feasible = CommandLineTest.run("sweep", TEACHING.toString(), "--param", "workload.accuracyFloor",
                "--from", "0", "--to", "0.5", "--steps", "2", "--optimize", "latency",
                "--param2", "link:phone-edge.bandwidth", "--from2", "1e6", "--to2", "1e7", "--steps2", "2");
        assertEquals(ExitCodes.OK, feasible.code(), feasible.err());
        assertFalse(feasible.out().contains("none"), "no footnote without such cells: " + feasible.out());
        assertFalse(feasible.out().contains("invalid"), feasible.out());
    }

    /** Where the best-plan table's marks start: after a first column as wide as the parameter's name, at least 14. */
    private static int markColumn(String parameter) {
        return Math.max(14, parameter.length());
    }
}
