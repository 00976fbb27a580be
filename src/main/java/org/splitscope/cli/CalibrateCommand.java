package org.splitscope.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.splitscope.io.Json;
import org.splitscope.io.measure.MeasurementMapping;
import org.splitscope.model.Scenario;
import org.splitscope.perf.Calibration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "calibrate", description = "Compare the FLOP-rate estimate with times measured on a device: per unit, "
        + "per stage of the plan, and the FLOP/s the measurements imply (least-squares fit through the origin).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the table was printed", "1:a file has problems, nothing matches, or no node has the class",
                "2:bad command line"})
final class CalibrateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "the scenario whose estimate is checked")
    Path scenario;

    @Option(names = "--measurements", required = true, paramLabel = "FILE", description = "the measurement file")
    Path file;

    @Mixin
    MeasurementInput measurement;

    @Option(names = "--json", description = "print the table as JSON (seconds, FLOP/s) for scripts")
    boolean json;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Scenario s = ScenarioInput.read(scenario, err);
        if (s == null) {
            return ExitCodes.INVALID_INPUT;
        }
        MeasurementMapping.Mapped mapped = measurement.mapped(s, file, err);
        if (mapped == null) {
            return ExitCodes.INVALID_INPUT;
        }
        Calibration c = Calibration.of(mapped.profile(), s.topology(), s.plan(), measurement.deviceClass);
        if (c == null) {
            err.println("no node of the topology has device class '" + measurement.deviceClass + "': there is no estimate to compare");
            return ExitCodes.INVALID_INPUT;
        }
        PrintWriter coverage = json ? err : out;
        mapped.coverage().lines().forEach(coverage::println);
        if (json) {
            out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(tree(c, mapped.coverage())));
            return ExitCodes.OK;
        }
        out.printf(Locale.ROOT, "%nEstimate at node '%s' (%s FLOP/s) against measured times on '%s'%n", c.node(),
                Format.number(c.rate()), measurement.deviceClass);
        out.printf(Locale.ROOT, "%5s  %-40s %11s %13s %13s %9s%n", "unit", "name", "FLOPs", "estimated", "measured", "error");
        for (Calibration.UnitRow r : c.units()) {
            out.printf(Locale.ROOT, "%5d  %-40s %11s %13s %13s %9s%n", r.unit(), shorten(r.name()), Format.number(r.flops()),
                    Format.ms(r.estimatedSeconds()), Format.ms(r.measuredSeconds()), error(r.relativeError()));
        }
        if (!c.stages().isEmpty()) {
            out.printf(Locale.ROOT, "%nStages of the plan on '%s' nodes (compute only)%n", measurement.deviceClass);
            for (Calibration.StageRow r : c.stages()) {
                out.printf(Locale.ROOT, "  stage %d on %s, units %d-%d: estimated %s, with measured times %s, error %s%n",
                        r.stage(), r.node(), r.firstUnit(), r.lastUnit(), Format.ms(r.estimatedSeconds()),
                        Format.ms(r.measuredSeconds()), error(r.relativeError()));
            }
        }
        out.println();
        out.println(c.fittedRate() == null ? "no unit has both a measured time and FLOPs: no rate can be fitted"
                : String.format(Locale.ROOT, "fitted rate: %s FLOP/s (least-squares fit through the origin of measured "
                + "seconds against FLOPs); node '%s' is set to %s FLOP/s", Format.number(c.fittedRate()), c.node(),
                Format.number(c.rate())));
        return ExitCodes.OK;
    }

    private static ObjectNode tree(Calibration c, MeasurementMapping.Coverage coverage) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("deviceClass", c.deviceClass());
        root.put("node", c.node());
        root.put("flopsPerSecond", c.rate());
        if (c.fittedRate() == null) {
            root.putNull("fittedFlopsPerSecond");
        } else {
            root.put("fittedFlopsPerSecond", c.fittedRate());
        }
        root.put("matchedShare", coverage.matchedShare());
        ArrayNode units = root.putArray("units");
        for (Calibration.UnitRow r : c.units()) {
            ObjectNode u = units.addObject();
            u.put("unit", r.unit());
            u.put("name", r.name());
            u.put("flops", r.flops());
            u.put("estimatedSeconds", r.estimatedSeconds());
            u.put("measuredSeconds", r.measuredSeconds());
            u.put("relativeError", r.relativeError());
        }
        ArrayNode stages = root.putArray("stages");
        for (Calibration.StageRow r : c.stages()) {
            ObjectNode st = stages.addObject();
            st.put("stage", r.stage());
            st.put("node", r.node());
            st.put("firstUnit", r.firstUnit());
            st.put("lastUnit", r.lastUnit());
            st.put("estimatedSeconds", r.estimatedSeconds());
            st.put("measuredSeconds", r.measuredSeconds());
            st.put("measuredUnits", r.measuredUnits());
            st.put("relativeError", r.relativeError());
        }
        return root;
    }

    private static String error(Double e) {
        return e == null ? "n/a" : String.format(Locale.ROOT, "%+.1f%%", e * 100);
    }

    private static String shorten(String name) {
        return name.length() <= 40 ? name : name.substring(0, 39) + "\u2026";
    }
}
