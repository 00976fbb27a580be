package org.splitscope.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.report.ReportFixtures.flat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.splitscope.model.Scenario;
import org.splitscope.model.Unit;
import org.splitscope.optimize.CancellationToken;
import org.splitscope.perf.Calibration;

/** A report of a scenario with measured unit times holds the measured-against-estimated section that {@code calibrate} prints. */
class CalibrationReportTest {
    private static final String CLASS = "jetson-orin-nano";

    @Test
    void measuredTimesGiveTheSectionWithTheFittedRateAndStageErrors() throws Exception {
        Scenario plain = ReportFixtures.sample("formats/small-cnn.json");
        List<Unit> units = new ArrayList<>();
        double[] seconds = {0.41e-3, 0.02e-3, 0.06e-3, 0.01e-3};
        for (int i = 0; i < plain.profile().units().size(); i++) {
            units.add(plain.profile().units().get(i).withLatencySeconds(Map.of(CLASS, seconds[i])));
        }
        Scenario measured = plain.withProfile(plain.profile().withUnits(units));
        Calibration c = Calibration.of(measured.profile(), measured.topology(), measured.plan(), CLASS);
        assertNotNull(c.fittedRate());

        String text = html(measured);
        assertTrue(text.contains("Measured against estimated"), "section heading");
        assertTrue(text.contains("Device class " + CLASS), "device class");
        assertTrue(text.contains(String.format(Locale.ROOT, "%.4g GFLOP/s", c.fittedRate() / 1e9)), "the fitted rate calibrate gives");
        assertTrue(text.contains("4 of 4"), "units measured");
        Calibration.StageRow first = c.stages().get(0);
        assertTrue(text.contains(String.format(Locale.ROOT, "%+.1f %%", first.relativeError() * 100)), "the first stage's error");
    }

    @Test
    void aScenarioWithoutMeasuredTimesHasNoSuchSection() throws Exception {
        assertFalse(html(ReportFixtures.sample("formats/small-cnn.json")).contains("Measured against estimated"));
    }

    private static String html(Scenario s) throws Exception {
        Report r = Report.assemble(s, null, CancellationToken.none());
        return flat(new String(ReportFiles.render(r, ReportFiles.Format.HTML), StandardCharsets.UTF_8));
    }
}
