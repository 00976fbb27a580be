package org.splitscope.perf;

import java.util.ArrayList;
import java.util.List;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.model.Unit;

/**
 * The FLOP-rate estimate against measured unit times for one device class. The rate the
 * measurements imply is a least-squares fit through the origin of measured seconds against FLOPs,
 * {@code t = f / rate}: {@code 1/rate = sum(f*t) / sum(f^2)} over the units with a measured time
 * and FLOPs, so that the large units, whose times are least noisy, weigh the most.
 *
 * @param rate       the FLOP/s of the class's node that the estimate uses
 * @param fittedRate the FLOP/s the measurements imply; {@code null} without a unit that has both
 *                   a measured time and FLOPs
 */
public record Calibration(String deviceClass, String node, double rate, List<UnitRow> units, List<StageRow> stages,
                          Double fittedRate) {
    /** @param measuredSeconds {@code null} where the unit has no measured time for the class */
    public record UnitRow(int unit, String name, double flops, double estimatedSeconds, Double measuredSeconds) {
        /** (estimate - measured) / measured; {@code null} without a measurement or when it is 0. */
        public Double relativeError() {
            return error(estimatedSeconds, measuredSeconds);
        }
    }

    /**
     * A stage of the plan on a node of the class: its compute time by the FLOP estimate and with
     * the measured times (units without one count their estimate in both).
     *
     * @param measuredUnits how many of its units have a measured time
     */
    public record StageRow(int stage, String node, int firstUnit, int lastUnit, double estimatedSeconds, double measuredSeconds,
                           int measuredUnits) {
        /** {@code null} when none of its units was measured (there is nothing to compare). */
        public Double relativeError() {
            return measuredUnits == 0 ? null : error(estimatedSeconds, measuredSeconds);
        }
    }

    public Calibration {
        units = List.copyOf(units);
        stages = List.copyOf(stages);
    }

    /**
     * @param measured a profile holding measured times for the class (units without one are estimated)
     * @return {@code null} when no node of the topology has the class
     */
    public static Calibration of(ModelProfile measured, Topology topology, Plan plan, String deviceClass) {
        Node first = topology.nodes().stream().filter(n -> n.deviceClass().equals(deviceClass)).findFirst().orElse(null);
        if (first == null) {
            return null;
        }
        List<UnitRow> rows = new ArrayList<>();
        double ft = 0;
        double ff = 0;
        for (int u = 1; u <= measured.unitCount(); u++) {
            Unit unit = measured.unit(u);
            Double t = unit.latencySeconds().get(deviceClass);
            rows.add(new UnitRow(u, unit.name(), unit.flops(), estimate(unit, first), t));
            if (t != null && unit.flops() > 0) {
                ft += unit.flops() * t;
                ff += unit.flops() * unit.flops();
            }
        }
        List<StageRow> stages = new ArrayList<>();
        for (int i = 0; i < plan.stages().size(); i++) {
            Stage s = plan.stages().get(i);
            Node node = topology.node(s.node());
            if (node == null || !node.deviceClass().equals(deviceClass)) {
                continue;
            }
            double estimated = 0;
            double withMeasured = 0;
            int count = 0;
            for (int u = s.firstUnit(); u <= s.lastUnit(); u++) {
                count += measured.unit(u).latencySeconds().containsKey(deviceClass) ? 1 : 0;
                estimated += estimate(measured.unit(u), node);
                withMeasured += Evaluator.unitSeconds(measured.unit(u), node);
            }
            stages.add(new StageRow(i + 1, node.id(), s.firstUnit(), s.lastUnit(), estimated, withMeasured, count));
        }
        Double fitted = ft > 0 ? ff / ft : null;
        return new Calibration(deviceClass, first.id(), first.effectiveFlopsPerSecond(), rows, stages, fitted);
    }

    /** The unit's time on the node by FLOPs alone, as the evaluator would take it without a measurement. */
    private static double estimate(Unit unit, Node node) {
        return Evaluator.unitSeconds(unit.withLatencySeconds(java.util.Map.of()), node);
    }

    private static Double error(double estimated, Double measured) {
        return measured == null || measured == 0 ? null : (estimated - measured) / measured;
    }
}
