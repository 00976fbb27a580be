package org.splitscope.report;

import java.nio.file.Path;

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
}
