package org.splitscope.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;

/** The explanation's arithmetic, read back from its text, adds up to the evaluator's figures. */
class ExplanationTest {

    @ParameterizedTest
    @ValueSource(strings = {"teaching.json", "portend-three-tier.json", "mopar-serverless.json"})
    void printedTermsAddUpToTheFigures(String file) {
        Scenario s = ScenarioFiles.read(Path.of("sample-scenarios", file)).orElseThrow();
        Metrics m = Evaluator.evaluate(s);
        String text = new Explanation(s, m).text();

        Matcher mean = Pattern.compile("E\\[L] = sum over outcomes of P\\(o\\) L\\(o\\) = (.*)").matcher(text);
        assertTrue(mean.find(), text);
        double sum = 0;
        Matcher term = Pattern.compile("([0-9.]+) x ([0-9.]+) ms").matcher(mean.group(1));
        int terms = 0;
        while (term.find()) {
            sum += Double.parseDouble(term.group(1)) * Double.parseDouble(term.group(2));
            terms++;
        }
        assertEquals(m.outcomes().size(), terms);
        assertEquals(m.meanLatency() * 1e3, sum, 1e-3 * terms + 1e-4 * m.meanLatency() * 1e3);

        for (Outcome o : m.outcomes()) {
            int at = text.indexOf("L(" + o.label() + ") = ");
            int end = text.indexOf("        = ", at);
            double parts = 0;
            Matcher p = Pattern.compile(" ([0-9.]+) ms").matcher(text.substring(at, end));
            while (p.find()) {
                parts += Double.parseDouble(p.group(1));
            }
            assertEquals(o.latency() * 1e3, parts, 1e-2, o.label());
        }
        assertTrue(text.contains("So the bottleneck is " + m.bottleneck()), text);
    }
}
