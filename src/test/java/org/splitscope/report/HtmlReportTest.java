package org.splitscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.report.ReportFixtures.flat;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.splitscope.chart.PlanRegionChart;
import org.splitscope.chart.PlanSweepChart;
import org.splitscope.model.Scenario;
import org.splitscope.model.Workload;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.Provenance;
import org.splitscope.optimize.RankedPlan;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepGrid;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The HTML report parses as XML, holds the evaluator's figures and draws its figures as inline SVG. */
class HtmlReportTest {
    private static final String SVG = "http://www.w3.org/2000/svg";

    private static Document parse(byte[] html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html));
    }

    @Test
    void wellFormedWithInlineSvgAndTheEvaluatorsFigures() throws Exception {
        Scenario s = ReportFixtures.sample("mopar-serverless.json");
        Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload());
        Document doc = parse(ReportFiles.render(ReportFixtures.report("mopar-serverless.json"), ReportFiles.Format.HTML));
        String text = flat(doc.getDocumentElement().getTextContent());

        assertTrue(text.contains(String.format(Locale.ROOT, "Mean latency%.3f ms", m.meanLatency() * 1e3))
                || text.contains(String.format(Locale.ROOT, "%.3f ms", m.meanLatency() * 1e3)), "mean latency");
        assertTrue(text.contains(String.format(Locale.ROOT, "$%.4g", m.costUsdPerMillion())), "cost per million");
        assertTrue(text.contains(ExactChainSearch.METHOD), "method");
        assertTrue(text.contains("Serverless"), "serverless assumption");
        // strip, topology and five charts, each an svg element; no scripts, no external files
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        assertTrue(svgs.getLength() >= 7, "svg elements: " + svgs.getLength());
        for (int i = 0; i < svgs.getLength(); i++) {
            assertFalse(((Element) svgs.item(i)).getAttribute("viewBox").isEmpty(), "scales with the page");
        }
        assertEquals(0, doc.getElementsByTagName("script").getLength());
        assertEquals(0, doc.getElementsByTagName("img").getLength());
        assertEquals(0, doc.getElementsByTagName("link").getLength());
    }

    @Test
    void idsAreUniqueSoThatEachChartKeepsItsOwnClipPaths() throws Exception {
        Document doc = parse(ReportFiles.render(ReportFixtures.report("portend-three-tier.json"), ReportFiles.Format.HTML));
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < all.getLength(); i++) {
            String id = ((Element) all.item(i)).getAttribute("id");
            if (!id.isEmpty()) {
                assertTrue(ids.add(id), "id used twice: " + id);
            }
        }
    }

    @Test
    void pdfAndHtmlShowTheSameFigures() throws Exception {
        Report r = ReportFixtures.report("seifer-edge-cluster.json");
        String html = flat(parse(ReportFiles.render(r, ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        String pdf = ReportFixtures.pdfText(ReportFiles.render(r, ReportFiles.Format.PDF)).replace(" ", "");
        Metrics m = r.metrics();
        for (String figure : new String[] {Figures.ms(m.meanLatency()), Figures.ms(m.latency().p95()),
                Figures.rate(m.throughputPerSecond()), Figures.usd(m.costUsdPerMillion()), Figures.percent(m.accuracy())}) {
            assertTrue(html.contains(figure), "html: " + figure);
            assertTrue(pdf.contains(figure.replace(" ", "")), "pdf: " + figure);
        }
    }

    /**
     * PORTEND's 54 exit heads read as one range, not 54 entries; heads that do not count up with
     * their units are each named; either way every head and its unit can be read back.
     */
    @Test
    void exitHeadsAfterConsecutiveUnitsReadAsARange() throws Exception {
        Scenario portend = ReportFixtures.sample("portend-resnet110-exits.json");
        String text = flat(parse(ReportFiles.render(Report.assemble(portend, null, CancellationToken.none()),
                ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(text.contains("Exits54: exit1-exit54 after units 1-54; the plan enables none"), text);
        assertFalse(text.contains("exit2 after unit 2"), text);
        Scenario three = ReportFixtures.sample("portend-three-tier.json");
        assertEquals("3: exit-s1b1 after unit 2, exit-s1 after unit 19, exit-s2 after unit 37; the plan enables 2 (under Plan)",
                ReportContent.exits(three.profile(), three.plan()));
    }

    /** A figure and its method read without brackets in brackets: "93.50 %, approximate (curves, nested exits)". */
    @Test
    void noBracketsInBrackets() throws Exception {
        String text = flat(parse(ReportFiles.render(ReportFixtures.report("portend-resnet110-exits.json"), ReportFiles.Format.HTML))
                .getDocumentElement().getTextContent());
        assertTrue(text.contains("Accuracy93.50 %, approximate (curves, nested exits)"), text);
        assertTrue(text.contains("(synthetic): 55 units, 54 exits"), text);
        assertFalse(text.matches(".*\\([^()]*\\([^()]*\\)[^()]*\\).*"), "a bracket inside a bracket: " + text);
        assertFalse(text.contains(") ("), text);
    }

    @Test
    void aSweepIsShownWhenGiven() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter p = SweepParameter.parse("link:phone-edge.bandwidth");
        var points = new Sweep(s, p, null).run(Sweep.values(1e6, 1e8, 3, true), x -> { }, () -> false);
        Report r = Report.assemble(s, SweepResult.of(p, true, points), CancellationToken.none());
        String text = flat(parse(ReportFiles.render(r, ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(text.contains("What-if sweep: link:phone-edge.bandwidth"), text);
        for (var point : points) {
            assertTrue(text.contains(Figures.ms(point.current().meanLatency())), "point " + point.value());
        }
    }

    /**
     * A floor sweep leaves the current plan's figures alone: its rows read once over a range of
     * floors (split where the floor stops being met), each saying whether the floor is met, and
     * floors read as typed (0.5, not 0.5000).
     */
    @Test
    void aFloorSweepsCurrentPlanRowsSayWhetherTheFloorIsMetAndDoNotRepeat() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter p = SweepParameter.parse("workload.accuracyFloor");
        var points = new Sweep(s, p, null).run(Sweep.values(0.5, 1, 11, false), x -> { }, () -> false);
        String text = flat(parse(ReportFiles.render(Report.assemble(s, SweepResult.of(p, false, points), CancellationToken.none()),
                ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        String met = null;
        String missed = null;
        for (var point : points) {
            if (point.current().goals().meetsAccuracyFloor()) {
                met = Figures.compact(point.value());
            } else if (missed == null) {
                missed = Figures.compact(point.value());
            }
        }
        String figures = Figures.ms(points.get(0).current().meanLatency());
        assertTrue(text.contains("0.5 .. " + met + figures), text);
        assertTrue(text.contains(missed + " .. 1" + figures), text);
        String table = text.substring(text.indexOf("What-if sweep: " + p));
        assertEquals(2, table.split(java.util.regex.Pattern.quote(figures), -1).length - 1, "two rows: " + table);
        assertTrue(text.contains("floor met") && text.contains("floor missed"), text);
        assertFalse(text.contains("0.5000"), text);
    }

    @Test
    void aReoptimizedSweepNamesEachPointsBestPlanAndWhereItChanges() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter p = SweepParameter.parse("link:phone-edge.bandwidth");
        var points = new Sweep(s, p, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 11, true), x -> { }, () -> false);
        SweepResult sweep = SweepResult.of(p, true, points);
        assertFalse(sweep.changes().isEmpty(), "over five decades of bandwidth the best cut moves");
        Document doc = parse(ReportFiles.render(Report.assemble(s, sweep, CancellationToken.none()), ReportFiles.Format.HTML));
        String text = flat(doc.getDocumentElement().getTextContent());
        for (var point : points) {
            assertTrue(text.contains(SweepGrid.signature(point.optimalPlan()) + ", " + Figures.ms(point.optimal().meanLatency())),
                    "best plan at " + point.value());
        }
        for (int i : sweep.changes()) {
            assertTrue(text.contains(p + " = " + Figures.compact(points.get(i).value())), "change at " + i + ": " + text);
        }
        String chart = "";
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            String drawn = flat(svgs.item(i).getTextContent());
            if (drawn.contains("What-if sweep: current plan and best plan")) {
                chart = drawn;
            }
        }
        assertTrue(chart.contains(PlanSweepChart.CURRENT) && chart.contains(PlanSweepChart.BEST), "the window's what-if chart: " + chart);
        for (int i : sweep.changes()) {
            assertTrue(chart.contains(SweepGrid.signature(points.get(i).optimalPlan())), "the change at " + i + " is marked: " + chart);
        }
    }

    /** A best plan the search did not prove optimal is said so in its row, and a sentence counts them and says where to read why. */
    @Test
    void bestPlansNotProvenOptimalAreSaidSoPerValueAndCounted() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter p = SweepParameter.parse("link:phone-edge.bandwidth");
        var real = Sweep.reoptimizing(Objective.MEAN_LATENCY);
        // a stand-in proof: proven below 10 Mb/s only
        var points = new Sweep(s, p, at -> new Sweep.Best(real.apply(at).plan(), p.current(at) < 1e7))
                .run(Sweep.values(1e5, 1e9, 5, true), x -> { }, () -> false);
        Document doc = parse(ReportFiles.render(Report.assemble(s, SweepResult.of(p, true, points), CancellationToken.none()),
                ReportFiles.Format.HTML));
        String text = flat(doc.getDocumentElement().getTextContent());
        for (var point : points) {
            String cell = SweepGrid.signature(point.optimalPlan()) + ", " + Figures.ms(point.optimal().meanLatency());
            assertEquals(point.value() >= 1e7, text.contains(cell + " (not proven optimal)"), "best plan at " + point.value() + ": " + text);
        }
        assertTrue(text.contains("The search did not prove the best plan optimal at 3 of 5 values"), text);

        // a floor no plan reaches says so in its row, not "n/a"
        SweepParameter floor = SweepParameter.parse("workload.accuracyFloor");
        var floors = new Sweep(s, floor, Sweep.reoptimizing(Objective.MEAN_LATENCY)).run(new double[] {0.5, 0.999}, x -> { }, () -> false);
        assertEquals(null, floors.get(1).optimalPlan(), "no plan reaches 99.9 %");
        String floorText = flat(parse(ReportFiles.render(Report.assemble(s, SweepResult.of(floor, false, floors),
                CancellationToken.none()), ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(floorText.contains("floor missedno plan meets the goals"), floorText);

        SweepGrid.Result grid = new SweepGrid(s, p, SweepParameter.parse("node:edge.compute"),
                at -> new Sweep.Best(real.apply(at).plan(), p.current(at) < 1e7))
                .run(Sweep.values(1e5, 1e9, 5, true), Sweep.values(1e9, 1e12, 2, true), f -> { }, () -> false);
        String gridText = flat(parse(ReportFiles.render(Report.assemble(s, null, CancellationToken.none()).withGrid(grid),
                ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(gridText.contains("The search did not prove the best plan optimal at 6 of 10 points (~ on the map)"), gridText);
    }

    @Test
    void aGridShowsTheHeatMapAndEachRegionsBestPlan() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter x = SweepParameter.parse("link:phone-edge.bandwidth");
        SweepParameter y = SweepParameter.parse("node:edge.compute");
        SweepGrid.Result grid = new SweepGrid(s, x, y, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 5, true), Sweep.values(1e9, 1e12, 4, true), f -> { }, () -> false);
        assertTrue(grid.regions().size() > 1, "the best plan differs across the grid");
        Document doc = parse(ReportFiles.render(Report.assemble(s, null, CancellationToken.none()).withGrid(grid),
                ReportFiles.Format.HTML));
        String text = flat(doc.getDocumentElement().getTextContent());
        assertTrue(text.contains("What-if grid: " + x + " and " + y), text);
        assertTrue(text.contains("The best plan at each of 20 points"), text);
        var letters = PlanRegionChart.RegionMap.of(grid);
        for (var region : grid.regions().entrySet()) {
            char letter = PlanRegionChart.RegionMap.letter(region.getValue());
            assertTrue(text.contains(letter + region.getKey()), "region " + letter + " names its plan: " + region.getKey());
            int count = 0;
            for (int j = 0; j < grid.ys().length; j++) {
                for (int i = 0; i < grid.xs().length; i++) {
                    count += letters.letter(i, j) == letter ? 1 : 0;
                }
            }
            assertTrue(text.contains(letter + region.getKey() + count), "region " + letter + " wins " + count + " points");
        }
        boolean drawn = false;
        NodeList svgs = doc.getElementsByTagNameNS(SVG, "svg");
        for (int i = 0; i < svgs.getLength(); i++) {
            drawn |= flat(svgs.item(i).getTextContent()).contains("Best plan's mean latency (ms) and regions of equal best cut");
        }
        assertTrue(drawn, "the window's heat map is drawn");
    }

    @Test
    void anImpossibleSearchIsSkippedWithItsReason() throws Exception {
        Scenario s = ReportFixtures.sample("teaching.json");
        Scenario strict = s.withWorkload(new Workload(null, 1e-6, null, null));
        Report r = Report.assemble(strict, null, CancellationToken.none());
        assertFalse(r.optimizer().found());
        String text = flat(parse(ReportFiles.render(r, ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(text.contains("No search result: no plan meets the workload's goals"), text);
    }

    /**
     * PORTEND at full scale: the exit program's optimum is proven over the plans consistent with
     * the nested curves, and the report names the pairs of exits the nesting rules out.
     */
    @Test
    void portendsWinnerIsProvenOverThePlansTheNestingAllows() throws Exception {
        Document doc = parse(ReportFiles.render(ReportFixtures.report("portend-resnet110-exits.json"), ReportFiles.Format.HTML));
        String text = flat(doc.getDocumentElement().getTextContent());
        assertTrue(text.contains("(exact: optimal over the search space)"), text);
        assertTrue(text.contains("which the nesting rules out"), text);
    }

    /** A winner the search did not prove optimal is called so, with a pointer to the notes, never a heuristic. */
    @Test
    void aWinnerNotProvenOptimalIsNotCalledAHeuristic() throws Exception {
        Report proven = ReportFixtures.report("portend-resnet110-exits.json");
        RankedPlan best = proven.optimizer().best();
        Provenance stopped = new Provenance(best.provenance().method(), false, best.provenance().plansEvaluated(),
                List.of("accuracy floor: stopped within 1.7% of the optimum"));
        Report r = new Report(proven.scenario(), proven.metrics(), new OptimizerResult(proven.optimizer().objective(),
                new RankedPlan(1, best.plan(), best.metrics(), best.objectiveValue(), stopped), null), proven.assumptions(),
                proven.sweep());
        String text = flat(parse(ReportFiles.render(r, ReportFiles.Format.HTML)).getDocumentElement().getTextContent());
        assertTrue(text.contains("(NOT exact: not proven optimal; the notes below say why)"), text);
        assertTrue(text.contains("stopped within 1.7% of the optimum"), text);
        assertFalse(text.contains("heuristic"), "the search is exact over what it searched");
    }
}
