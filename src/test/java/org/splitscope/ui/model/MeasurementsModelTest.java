package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.io.Loaded;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Calibration;

/** Import measurements and set the fitted rate: each one undo step, nothing changed by a bad file. */
class MeasurementsModelTest {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static final String JETSON = "jetson-orin-nano";

    private final Scenario original = ScenarioFiles.read(FORMATS.resolve("small-cnn.json")).orElseThrow();
    private final ScenarioDocument document = new ScenarioDocument(original);
    private final MeasurementsModel model = new MeasurementsModel(document);

    private MeasurementMapping.Mapped trt() {
        Loaded<MeasurementMapping.Mapped> m = model.preview(FORMATS.resolve("trtexec-profile.json"), MeasurementFormat.TRTEXEC,
                FORMATS.resolve("trtexec-layer-info.json"), " " + JETSON + " ", UnmatchedLayers.LEAVE);
        assertTrue(m.isOk(), m.problems().toString());
        return m.value();
    }

    @Test
    void offersTheTopologysClasses() {
        assertEquals(List.of("a100", JETSON, "rtx-4000"), model.deviceClasses());
    }

    @Test
    void importIsOneUndoStepAndPreviewChangesNothing() {
        MeasurementMapping.Mapped mapped = trt();
        assertSame(original, document.getScenario());
        assertEquals(5, mapped.coverage().matched().size());
        model.apply(mapped);
        assertEquals(0.41e-3, document.getScenario().profile().unit(1).latencySeconds().get(JETSON), 1e-15);
        document.undo();
        assertEquals(original, document.getScenario());
        assertFalse(document.canUndoProperty().get());
    }

    @Test
    void aBrokenFileIsAProblemNotAnEdit() {
        Loaded<MeasurementMapping.Mapped> m = model.preview(FORMATS.resolve("network.csv"), MeasurementFormat.TFLITE, null,
                JETSON, UnmatchedLayers.LEAVE);
        assertFalse(m.isOk());
        assertSame(original, document.getScenario());
    }

    @Test
    void settingTheFittedRateIsOneUndoStepForEveryNodeOfTheClass() {
        model.apply(trt());
        Calibration c = model.calibration(JETSON);
        assertEquals(4, c.units().stream().filter(u -> u.measuredSeconds() != null).count());
        model.setRateToFitted(JETSON);
        assertEquals(c.fittedRate(), document.getScenario().topology().node("jetson").flopsPerSecond(), 1e-6);
        assertEquals(5e12, document.getScenario().topology().node("edge").flopsPerSecond());
        assertEquals(c.fittedRate(), model.calibration(JETSON).rate(), 1e-6);
        document.undo();
        assertEquals(2e11, document.getScenario().topology().node("jetson").flopsPerSecond());
        document.undo();
        assertEquals(original, document.getScenario());
    }
}
