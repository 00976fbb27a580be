package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values that would spend all memory or time are refused naming the option and its limit. */
class CommandLimitsTest {
    private static final String TEACHING = Path.of("sample-scenarios", "teaching.json").toString();

    @TempDir
    Path dir;

    @Test
    void sweepStepsAboveTheLimitAreRefused() {
        for (String steps : new String[] {"50000000", "2147483647"}) {
            CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING, "--param", "workload.rate", "--from", "0",
                    "--to", "1", "--steps", steps);
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertEquals("sweep: --steps: at most 10000 values per sweep, got " + steps, r.err().strip());
        }
    }

    @Test
    void aHugeGridIsRefusedInSweepAndReport() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING, "--param", "workload.rate", "--from", "0", "--to", "1",
                "--steps", "3000", "--optimize", "MEAN_LATENCY", "--param2", "link:phone-edge.bandwidth", "--from2", "1e6",
                "--to2", "1e8", "--steps2", "3000");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals("sweep: --steps x --steps2: 3000 x 3000 = 9000000 grid points; a grid has at most 40000 (e.g. 200 x 200)",
                r.err().strip());
        CommandLineTest.Run report = CommandLineTest.run("report", TEACHING, "-o", dir.resolve("r.html").toString(),
                "--sweep", "workload.rate", "--from", "0", "--to", "1", "--steps", "3000", "--optimize", "MEAN_LATENCY",
                "--sweep2", "link:phone-edge.bandwidth", "--from2", "1e6", "--to2", "1e8", "--steps2", "3000");
        assertEquals(ExitCodes.USAGE, report.code(), report.err());
        assertTrue(report.err().startsWith("report: --steps x --steps2: 3000 x 3000"), report.err());
    }

    @Test
    void zooSamplesAboveTheLimitAreRefused() {
        CommandLineTest.Run r = CommandLineTest.run("zoo", "resnet-50", "--synthetic-exits", "2000000000");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals("zoo: --synthetic-exits: at most 1000000 samples, got 2000000000", r.err().strip());
    }

    @Test
    void aSweepOverTheWholeDoubleRangeListsInvalidPointsWithoutInfinity() {
        CommandLineTest.Run r = CommandLineTest.run("sweep", TEACHING, "--param", "link:phone-edge.bandwidth",
                "--from", "-1.7976931348623157e308", "--to", "1.7976931348623157e308", "--steps", "5");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertFalse(r.out().contains("Infinity") || r.out().contains("NaN"), r.out());
        assertTrue(r.out().contains("invalid: topology.links[0].bandwidthBps: must be"), r.out());
        CommandLineTest.Run log = CommandLineTest.run("sweep", TEACHING, "--param", "node:edge.compute",
                "--from", "1e-320", "--to", "1e308", "--steps", "7", "--log", "--optimize", "MEAN_LATENCY");
        assertEquals(ExitCodes.OK, log.code(), log.err());
        assertFalse(log.out().contains("Infinity") || log.out().contains("NaN"), log.out());
    }

    @Test
    void aStageEndingAtTheIntLimitIsRefusedByEveryCommand() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode)
                org.splitscope.io.Json.mapper().readTree(Path.of(TEACHING).toFile());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/plan/stages/0")).put("lastUnit", Integer.MAX_VALUE);
        Path file = dir.resolve("last-unit.json");
        java.nio.file.Files.writeString(file, tree.toString());
        for (String command : new String[] {"validate", "evaluate", "optimize", "pareto", "explain"}) {
            CommandLineTest.Run r = CommandLineTest.run(command, file.toString());
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), command + ": " + r.err());
            assertTrue(r.err().contains("plan.stages[0].lastUnit: must name a unit from 1 to"), command + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    @Test
    void aRateOutsideItsRangeNamesTheOption() {
        CommandLineTest.Run r = CommandLineTest.run("evaluate", "--rate", "1e-320", TEACHING);
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertEquals("--rate: must be 0, or from 1e-9 to 1e9 requests per second, got 1e-320", r.err().strip());
    }

    @Test
    void aReportSweepingOverTheWholeDoubleRangeHasOnlyFiniteFigures() throws Exception {
        for (String name : new String[] {"r.html", "r.pdf"}) {
            Path out = dir.resolve(name);
            CommandLineTest.Run r = CommandLineTest.run("report", TEACHING, "-o", out.toString(), "--sweep",
                    "link:phone-edge.bandwidth", "--from", "1e-320", "--to", "1e308", "--steps", "9", "--log",
                    "--optimize", "MEAN_LATENCY");
            assertEquals(ExitCodes.OK, r.code(), r.err());
            if (name.endsWith(".html")) {
                String html = java.nio.file.Files.readString(out);
                assertFalse(html.contains("Infinity") || html.contains("NaN"), "the HTML report shows a non-finite figure");
                assertTrue(html.contains("bandwidthBps"), "the invalid points name the field");
            }
        }
    }
}
