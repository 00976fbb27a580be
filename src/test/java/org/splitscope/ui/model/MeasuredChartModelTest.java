package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.splitscope.chart.Formats;
import org.splitscope.chart.MeasuredChart;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Calibration;

/** The Charts tab's Measured vs estimated: the selected node's class, or the first stage's; a line where nothing was measured. */
class MeasuredChartModelTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final String JETSON = "jetson-orin-nano";

    private final Scenario cnn = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();

    private Scenario measured() {
        ScenarioDocument document = new ScenarioDocument(cnn);
        MeasurementsModel model = new MeasurementsModel(document);
        model.apply(model.preview(FORMATS.resolve("trtexec-profile.json"), MeasurementFormat.TRTEXEC,
                FORMATS.resolve("trtexec-layer-info.json"), JETSON, UnmatchedLayers.LEAVE).orElseThrow());
        return document.getScenario();
    }

    /** PORTEND at full scale measures every block range, not units one by one: the line says that, not "no measured times". */
    @Test
    void measuredRangesWithoutUnitTimesAreNamed() {
        Scenario portend = ScenarioFiles.read(Path.of("sample-scenarios", "portend-resnet110-exits.json")).orElseThrow();
        MeasuredChartModel.Shown shown = MeasuredChartModel.of(portend, null);
        assertNull(shown.calibration());
        assertTrue(shown.message().startsWith("'edge' has measured latencies for 1540 unit ranges (the model uses them)"
                + " but no per-unit times to compare (node station)"), shown.message());
    }

    @Test
    void withoutMeasuredTimesItSaysSo() {
        MeasuredChartModel.Shown shown = MeasuredChartModel.of(cnn, null);
        assertNull(shown.calibration());
        assertTrue(shown.message().startsWith("no measured times for '" + JETSON + "' (node jetson)"), shown.message());
    }

    @Test
    void theFirstStagesNodeOrTheSelectedOneGivesTheClass() {
        Scenario s = measured();
        MeasuredChartModel.Shown shown = MeasuredChartModel.of(s, null);
        Calibration expected = Calibration.of(s.profile(), s.topology(), s.plan(), JETSON);
        assertEquals(expected, shown.calibration());
        assertEquals(expected, MeasuredChartModel.of(s, Selection.node("jetson")).calibration());
        MeasuredChartModel.Shown edge = MeasuredChartModel.of(s, Selection.node("edge"));
        assertNull(edge.calibration());
        assertTrue(edge.message().contains("'rtx-4000'"), edge.message());

        MeasuredChart chart = new MeasuredChart();
        chart.showCalibration(shown.calibration(), shown.message());
        CategoryDataset data = ((CategoryPlot) chart.chart().getPlot()).getDataset();
        assertEquals(s.profile().unitCount(), data.getColumnCount());
        for (Calibration.UnitRow r : expected.units()) {
            assertEquals(r.estimatedSeconds() * 1e3, data.getValue(0, r.unit() - 1).doubleValue(), 1e-12);
            Number m = data.getValue(1, r.unit() - 1);
            assertEquals(r.measuredSeconds() == null ? null : r.measuredSeconds() * 1e3, m == null ? null : m.doubleValue());
        }
        assertEquals("jetson " + Formats.flopRate(expected.rate()) + ", fitted " + Formats.flopRate(expected.fittedRate()),
                chart.rates());
        chart.showCalibration(edge.calibration(), edge.message());
        assertEquals("", chart.rates());
        assertNull(((CategoryPlot) chart.chart().getPlot()).getDataset());
        assertEquals(edge.message(), ((CategoryPlot) chart.chart().getPlot()).getNoDataMessage());
    }
}
