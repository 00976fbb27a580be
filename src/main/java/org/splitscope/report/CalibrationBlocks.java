package org.splitscope.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Unit;
import org.splitscope.perf.Calibration;

/**
 * A report's "measured against estimated" section: for each device class of the topology whose
 * units carry measured times (imported with {@code import-measurements} or profiled here), the
 * FLOP-rate estimate against the measurement per stage of the plan and per unit, and the FLOP/s
 * the measurements imply (the same {@link Calibration} that {@code calibrate} prints).
 */
final class CalibrationBlocks {
    /** Units listed per class; a longer model lists its most-measured units and says how many it left out. */
    static final int MAX_UNIT_ROWS = 60;

    private CalibrationBlocks() {
    }

    static List<Block> of(Scenario s) {
        List<Block> out = new ArrayList<>();
        for (String deviceClass : measuredClasses(s)) {
            Calibration c = Calibration.of(s.profile(), s.topology(), s.plan(), deviceClass);
            if (c == null) {
                continue;
            }
            if (out.isEmpty()) {
                out.add(new Block.Heading(1, "Measured against estimated"));
                out.add(new Block.Paragraph("Unit times measured for a device class win over the FLOP-rate estimate "
                        + "(FLOPs / the node's FLOP/s) in every figure above. The fitted rate is a least-squares fit "
                        + "through the origin of measured seconds against FLOPs; errors are (estimate - measured) / measured."));
            }
            out.addAll(section(c));
        }
        return out;
    }

    private static Set<String> measuredClasses(Scenario s) {
        Set<String> classes = new LinkedHashSet<>();
        for (Node n : s.topology().nodes()) {
            for (Unit u : s.profile().units()) {
                if (u.latencySeconds().containsKey(n.deviceClass())) {
                    classes.add(n.deviceClass());
                    break;
                }
            }
        }
        return classes;
    }

    private static List<Block> section(Calibration c) {
        List<Block> out = new ArrayList<>();
        long measured = c.units().stream().filter(u -> u.measuredSeconds() != null).count();
        out.add(new Block.Heading(2, "Device class " + c.deviceClass()));
        out.add(new Block.Facts(List.of(
                new String[] {"Node (estimate's rate)", c.node() + " (" + gflops(c.rate()) + ")"},
                new String[] {"Rate the measurements imply", c.fittedRate() == null ? Figures.NONE : gflops(c.fittedRate())},
                new String[] {"Units measured", measured + " of " + c.units().size()})));
        if (!c.stages().isEmpty()) {
            out.add(new Block.Table(List.of("stage", "node", "units", "estimated", "with measurements", "error"),
                    c.stages().stream().map(r -> List.of(String.valueOf(r.stage()), r.node(),
                            r.firstUnit() + ".." + r.lastUnit(), Figures.ms(r.estimatedSeconds()),
                            Figures.ms(r.measuredSeconds()), error(r.relativeError()))).toList()));
        }
        List<Calibration.UnitRow> rows = c.units().stream().filter(u -> u.measuredSeconds() != null)
                .sorted((a, b) -> Double.compare(b.measuredSeconds(), a.measuredSeconds())).toList();
        List<List<String>> table = new ArrayList<>();
        for (Calibration.UnitRow r : rows.subList(0, Math.min(MAX_UNIT_ROWS, rows.size()))) {
            table.add(List.of(String.valueOf(r.unit()), r.name(), Figures.flops(r.flops()),
                    Figures.ms(r.estimatedSeconds()), Figures.ms(r.measuredSeconds()), error(r.relativeError())));
        }
        out.add(new Block.Table(List.of("unit", "name", "FLOPs", "estimated", "measured", "error"), table));
        if (rows.size() > MAX_UNIT_ROWS) {
            out.add(new Block.Paragraph("The " + MAX_UNIT_ROWS + " units with the longest measured times are listed; "
                    + (rows.size() - MAX_UNIT_ROWS) + " more were measured."));
        }
        return out;
    }

    private static String gflops(double flopsPerSecond) {
        return String.format(Locale.ROOT, "%.4g GFLOP/s", flopsPerSecond / 1e9);
    }

    private static String error(Double relative) {
        return relative == null ? Figures.NONE : String.format(Locale.ROOT, "%+.1f %%", relative * 100);
    }
}
