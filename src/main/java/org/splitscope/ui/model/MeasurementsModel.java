package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.splitscope.io.Loaded;
import org.splitscope.io.measure.MeasurementFiles;
import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.io.measure.Measurements;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Calibration;

/**
 * File > Import measurements and the measured-against-estimated view: reads a measurement file
 * and maps it onto the open scenario's profile (the same {@link MeasurementMapping} as the command
 * line), puts the times in as one undoable edit, and sets the rate of the class's nodes to the
 * one the measurements imply as another.
 */
public final class MeasurementsModel {
    private final ScenarioDocument document;

    public MeasurementsModel(ScenarioDocument document) {
        this.document = document;
    }

    /** The device classes of the topology's nodes, for the dialog to offer (a new one may be typed). */
    public List<String> deviceClasses() {
        return new ArrayList<>(new TreeSet<>(document.getScenario().topology().nodes().stream().map(Node::deviceClass).toList()));
    }

    /** Reads and maps the file against the scenario now open; changes nothing. */
    public Loaded<MeasurementMapping.Mapped> preview(Path file, MeasurementFormat format, Path layerInfo, String deviceClass,
                                                     UnmatchedLayers unmatched) {
        Loaded<Measurements> read = MeasurementFiles.read(file, format, layerInfo);
        if (!read.isOk()) {
            return Loaded.failed(read.problems(), read.warnings());
        }
        return MeasurementMapping.map(document.getScenario().profile(), read.value(), deviceClass == null ? "" : deviceClass.strip(),
                unmatched);
    }

    /** Puts the mapped times into the scenario: one undo step. */
    public void apply(MeasurementMapping.Mapped mapped) {
        document.endGesture();
        document.edit(null, s -> new Scenario(s.formatVersion(), s.name(), s.description(), null, mapped.profile(), s.topology(),
                s.plan(), s.workload(), s.snapshots()));
        document.endGesture();
    }

    /** The estimate against the scenario's measured times for the class; {@code null} when no node has it. */
    public Calibration calibration(String deviceClass) {
        Scenario s = document.getScenario();
        return Calibration.of(s.profile(), s.topology(), s.plan(), deviceClass);
    }

    /**
     * Sets every node of the class to the fitted FLOP/s (they are the same device, so one rate):
     * one undo step. Does nothing without a fitted rate.
     */
    public void setRateToFitted(String deviceClass) {
        Calibration c = calibration(deviceClass);
        if (c == null || c.fittedRate() == null) {
            return;
        }
        double rate = c.fittedRate();
        document.endGesture();
        document.edit(null, s -> s.withTopology(s.topology().withNodes(s.topology().nodes().stream()
                .map(n -> n.deviceClass().equals(deviceClass) ? withEffectiveRate(n, rate) : n).toList())));
        document.endGesture();
    }

    /** A serverless node's rate is given at 1,769 MB and scales with its memory: the fitted one is what it delivers. */
    private static Node withEffectiveRate(Node n, double effective) {
        return n.withFlopsPerSecond(effective * n.flopsPerSecond() / n.effectiveFlopsPerSecond());
    }
}
