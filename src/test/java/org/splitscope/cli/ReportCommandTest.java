package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.splitscope.report.ReportText;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.PlanFiles;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.Objective;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepPoint;

/** {@code report} and {@code export-plan}: files written, messages and exit codes. */
class ReportCommandTest {
    private static final Path TEACHING = Path.of("sample-scenarios", "teaching.json");

    @TempDir
    Path dir;

    private static String meanOfTeaching() {
        Metrics m = Evaluator.evaluate(ScenarioFiles.read(TEACHING).orElseThrow());
        return String.format(Locale.ROOT, "%.3f ms", m.meanLatency() * 1e3);
    }

    @Test
    void writesAPdfWithTheEvaluatorsMeanLatency() throws Exception {
        Path pdf = dir.resolve("teaching.pdf");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", pdf.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertTrue(new PDFTextStripper().getText(d).contains(meanOfTeaching()));
        }
        assertEquals("", r.err(), "no log noise on the command line");
    }

    @Test
    void aTenMegabyteNameIsCutInBothFormats() throws Exception {
        String longName = "N".repeat(10_000_000);
        String id = "edge" + "x".repeat(1_000_000);
        String text = Files.readString(TEACHING).replace("Teaching: a toy CNN on phone, edge and cloud", longName)
                .replace("\"edge\"", "\"" + id + "\"");
        Path scenario = Files.writeString(dir.resolve("long.json"), text);
        for (String name : List.of("long.pdf", "long.html")) {
            Path out = dir.resolve(name);
            CommandLineTest.Run r = CommandLineTest.run("report", scenario.toString(), "-o", out.toString());
            assertEquals(ExitCodes.OK, r.code(), r.err());
            assertTrue(Files.size(out) < 2_000_000, name + " is " + Files.size(out) + " bytes");
        }
        String html = Files.readString(dir.resolve("long.html"));
        assertTrue(html.contains("N".repeat(ReportText.MAX_WORD - 1) + "\u2026"));
        assertFalse(html.contains("N".repeat(ReportText.MAX_WORD + 1)));
    }

    @Test
    void writesHtmlWithASweep() throws Exception {
        Path html = dir.resolve("teaching.html");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", html.toString(),
                "--sweep", "link:phone-edge.bandwidth", "--from", "1e6", "--to", "1e8", "--steps", "3", "--log");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String text = Files.readString(html);
        assertTrue(text.startsWith("<?xml"), "XHTML");
        assertTrue(text.contains(meanOfTeaching()));
        assertTrue(text.contains("What-if sweep: link:phone-edge.bandwidth"));
    }

    @Test
    void aSweepWithOptimizeNamesTheBestPlanAtEachValue() throws Exception {
        Path html = dir.resolve("teaching.html");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", html.toString(),
                "--sweep", "link:phone-edge.bandwidth", "--from", "1e5", "--to", "1e10", "--steps", "6", "--log",
                "--optimize", "MEAN_LATENCY");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        List<SweepPoint> points = new Sweep(s, SweepParameter.parse("link:phone-edge.bandwidth"),
                Sweep.reoptimizing(Objective.MEAN_LATENCY)).run(Sweep.values(1e5, 1e10, 6, true), x -> { }, () -> false);
        String text = Files.readString(html);
        for (SweepPoint p : points) {
            assertTrue(text.contains(SweepGrid.signature(p.optimalPlan())), "best plan at " + p.value());
        }
        assertTrue(text.contains("The best plan changes at"), "where it changes");
    }

    @Test
    void aSecondParameterGivesTheGridOfBoth() throws Exception {
        Path html = dir.resolve("grid.html");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", html.toString(),
                "--sweep", "link:phone-edge.bandwidth", "--from", "1e5", "--to", "1e10", "--steps", "4", "--log",
                "--sweep2", "node:edge.compute", "--from2", "1e9", "--to2", "1e12", "--steps2", "3", "--log2",
                "--optimize", "MEAN_LATENCY");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        String text = Files.readString(html);
        assertTrue(text.contains("What-if grid: link:phone-edge.bandwidth and node:edge.compute"), "the grid");
        assertTrue(text.contains("The best plan at each of 12 points"), "4 x 3 points");
        assertFalse(text.contains("What-if sweep:"), "the grid replaces the one-parameter sweep");
    }

    @Test
    void aSecondParameterWithoutOptimizeIsABadCommandLine() {
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", dir.resolve("a.pdf").toString(),
                "--sweep", "workload.rate", "--from", "1", "--to", "5", "--sweep2", "node:edge.compute", "--from2", "1e9",
                "--to2", "1e12");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--sweep2 needs --sweep PARAM, --optimize OBJECTIVE, --from2 and --to2"), r.err());
    }

    @Test
    void optimizeWithoutASweepIsABadCommandLine() {
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", dir.resolve("a.pdf").toString(),
                "--optimize", "COST");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--optimize needs --sweep PARAM"), r.err());
    }

    @Test
    void aBadExtensionIsABadCommandLineAndWritesNothing() {
        Path docx = dir.resolve("teaching.docx");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", docx.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("'.docx' is neither") && r.err().contains(".pdf or .html"), r.err());
        assertFalse(Files.exists(docx));
    }

    @Test
    void aSweepWithoutItsRangeIsABadCommandLine() {
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", dir.resolve("a.pdf").toString(),
                "--sweep", "workload.rate");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("--sweep needs --from and --to"), r.err());
    }

    @Test
    void aBadScenarioIsNamedWithItsProblems() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, Files.readString(TEACHING).replace("\"bandwidthBps\" : 1.0E7", "\"bandwidthBps\" : -5"));
        Path pdf = dir.resolve("bad.pdf");
        CommandLineTest.Run r = CommandLineTest.run("report", bad.toString(), "-o", pdf.toString());
        assertEquals(ExitCodes.INVALID_INPUT, r.code(), r.err());
        assertTrue(r.err().contains("bandwidthBps"), r.err());
        assertFalse(Files.exists(pdf));
    }

    @Test
    void anUnwritableTargetIsAnIoError() {
        Path nowhere = dir.resolve("missing-folder").resolve("r.html");
        CommandLineTest.Run r = CommandLineTest.run("report", TEACHING.toString(), "-o", nowhere.toString());
        assertEquals(ExitCodes.IO_ERROR, r.code(), r.err());
        assertTrue(r.err().contains("cannot write"), r.err());
    }

    @Test
    void exportPlanWritesAPlanFileThatReadsBackEqual() {
        Path plan = dir.resolve("plan.json");
        CommandLineTest.Run r = CommandLineTest.run("export-plan", TEACHING.toString(), "-o", plan.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        Scenario s = ScenarioFiles.read(TEACHING).orElseThrow();
        Loaded<Plan> back = PlanFiles.read(plan, s);
        assertTrue(back.isOk(), back.problems()::toString);
        assertEquals(s.plan(), back.value());
    }
}
