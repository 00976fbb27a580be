package org.splitscope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDContentStream;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.optimize.Objective;
import org.splitscope.optimize.ExactChainSearch;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.whatif.Sweep;
import org.splitscope.whatif.SweepParameter;
import org.splitscope.whatif.SweepResult;

/** A PDF report read back with PDFBox: its text says what the evaluator and the optimizer say, its figures are vectors. */
class PdfReportTest {
    @Test
    void textHoldsThePlanTheEvaluatorsFiguresTheMethodAndTheAssumptions() throws IOException {
        Scenario s = ReportFixtures.sample("portend-three-tier.json");
        Metrics m = new Evaluator(s.profile(), s.topology()).evaluate(s.plan(), s.workload());
        String text = ReportFixtures.pdfText(ReportFiles.render(ReportFixtures.report("portend-three-tier.json"), ReportFiles.Format.PDF));

        String stages = String.join("|", s.plan().stages().stream()
                .map(st -> st.firstUnit() + "-" + st.lastUnit() + "@" + st.node()).toList());
        assertTrue(text.contains(stages), "plan " + stages);
        assertTrue(text.contains(String.format(Locale.ROOT, "Mean latency %.3f ms", m.meanLatency() * 1e3)), text);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.3f ms", m.latency().p99() * 1e3)));
        assertTrue(text.contains(ExactChainSearch.METHOD + " (exact"), "method");
        assertTrue(text.contains("Synthetic exit statistics"));
        assertTrue(text.contains("exact (per-sample statistics)"));
        assertTrue(text.contains("FLOP-based times"));
        for (String section : List.of("Summary", "Model", "Topology", "Plan", "Metrics", "Charts", "Optimizer",
                "Assumptions and approximations")) {
            assertTrue(text.contains(section), section);
        }
        for (var o : m.outcomes()) {
            assertTrue(text.contains(String.format(Locale.ROOT, "%.3f ms", o.latency() * 1e3)), o.label());
        }
    }

    @Test
    void curveBasedExitProbabilitiesAreCalledApproximate() throws IOException {
        String text = ReportFixtures.pdfText(ReportFiles.render(ReportFixtures.report("teaching.json"), ReportFiles.Format.PDF));
        assertTrue(text.contains("APPROXIMATE"), text);
        assertTrue(text.contains("approximate (curves"), text);
    }

    @Test
    void figuresAreVectorFormsWithPathsAndNoImages() throws IOException {
        byte[] pdf = ReportFiles.render(ReportFixtures.report("portend-three-tier.json"), ReportFiles.Format.PDF);
        int forms = 0;
        Set<String> operators = new HashSet<>();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            for (PDPage page : d.getPages()) {
                PDResources res = page.getResources();
                for (COSName name : res.getXObjectNames()) {
                    PDXObject x = res.getXObject(name);
                    assertFalse(x instanceof PDImageXObject, "an image on a page: " + name);
                    if (x instanceof PDFormXObject form) {
                        forms++;
                        assertNoImages(form.getResources());
                        operators.addAll(operators(form));
                    }
                }
            }
        }
        // strip, topology and five charts
        assertTrue(forms >= 7, "forms: " + forms);
        assertTrue(operators.contains("re") || operators.contains("l"), "path construction: " + operators);
        assertTrue(operators.contains("f") || operators.contains("f*"), "fills: " + operators);
        assertTrue(operators.contains("S"), "strokes: " + operators);
    }

    private static void assertNoImages(PDResources res) throws IOException {
        if (res == null) {
            return;
        }
        for (COSName name : res.getXObjectNames()) {
            PDXObject x = res.getXObject(name);
            assertFalse(x instanceof PDImageXObject, "an image inside a figure: " + name);
            if (x instanceof PDFormXObject inner) {
                assertNoImages(inner.getResources());
            }
        }
    }

    private static Set<String> operators(PDContentStream stream) throws IOException {
        Set<String> names = new HashSet<>();
        for (Object token : new PDFStreamParser(stream).parse()) {
            if (token instanceof Operator op) {
                names.add(op.getName());
            }
        }
        return names;
    }

    @Test
    void aFileThatIsNeitherPdfNorHtmlIsRefusedByName() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ReportFiles.formatOf(java.nio.file.Path.of("out.docx")));
        assertTrue(e.getMessage().contains("'.docx'") && e.getMessage().contains(".pdf or .html"), e.getMessage());
        assertEquals(ReportFiles.Format.PDF, ReportFiles.formatOf(java.nio.file.Path.of("A.PDF")));
        assertEquals(ReportFiles.Format.HTML, ReportFiles.formatOf(java.nio.file.Path.of("a.htm")));
    }

    @Test
    void aTableWiderThanThePageWrapsBetweenWordsNeverInsideOne() throws IOException {
        Scenario s = ReportFixtures.sample("teaching.json");
        SweepParameter p = SweepParameter.parse("link:phone-edge.bandwidth");
        SweepResult sweep = SweepResult.of(p, true, new Sweep(s, p, Sweep.reoptimizing(Objective.MEAN_LATENCY))
                .run(Sweep.values(1e5, 1e10, 6, true), x -> { }, () -> false));
        byte[] pdf = ReportFiles.render(Report.assemble(s, sweep, CancellationToken.none()), ReportFiles.Format.PDF);
        String all;
        try (PDDocument d = Loader.loadPDF(pdf)) {
            all = new PDFTextStripper().getText(d);
        }
        int heading = all.indexOf("What-if sweep: " + p);
        String table = all.substring(heading + ("What-if sweep: " + p).length(), all.indexOf("The best plan changes at", heading));
        Set<String> tokens = new HashSet<>(List.of(table.split("\\s+")));
        // the sweep's table (a best-plan column makes it wider than the page) and words its cells hold
        for (String word : List.of(p.toString(), "accuracy", "bottleneck", "phone-edge", "(ends")) {
            assertTrue(tokens.contains(word), "'" + word + "' was split across lines");
        }
    }
}
