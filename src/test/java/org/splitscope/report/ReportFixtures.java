package org.splitscope.report;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;

/** Sample scenarios and their reports for the report tests. */
final class ReportFixtures {
    private ReportFixtures() {
    }

    static Scenario sample(String file) {
        return ScenarioFiles.read(Path.of("sample-scenarios", file)).orElseThrow();
    }

    static Report report(String file) {
        return Report.assemble(sample(file), null, CancellationToken.none());
    }

    /** Text with every run of whitespace as one space, as PDF text extraction breaks lines where it likes. */
    static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    /** A PDF's text, {@link #flat}. */
    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return flat(new PDFTextStripper().getText(d));
        }
    }
}
