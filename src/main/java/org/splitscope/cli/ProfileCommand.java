package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxProfiler;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.ProfiledModel;
import org.splitscope.io.onnx.TimingReport;
import org.splitscope.io.onnx.UnitTiming;
import org.splitscope.model.ModelProfile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "profile", description = "Import an ONNX model and time it on this machine's CPU (ONNX Runtime): "
        + "each unit's median latency is stored under a device class named after the CPU.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the profile was written", "1:the model cannot be imported or run (the reason is printed)",
                "2:bad command line", "3:the profile could not be written"})
final class ProfileCommand implements Callable<Integer> {
    private static final int SLOWEST_SHOWN = 5;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", description = "the .onnx file")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROFILE", description = "profile JSON file to write")
    Path output;

    @Mixin
    OnnxInputOptions input = new OnnxInputOptions();

    @Option(names = "--runs", paramLabel = "N", description = "timed runs (default ${DEFAULT-VALUE})")
    int runs = 20;

    @Option(names = "--warm-up", paramLabel = "N", description = "untimed runs first (default ${DEFAULT-VALUE})")
    int warmUp = 3;

    @Option(names = "--threads", paramLabel = "N", description = "ONNX Runtime intra-op threads (default ${DEFAULT-VALUE})")
    int threads = 1;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ImportOptions options = input.importOptions(err);
        if (options == null) {
            return ExitCodes.USAGE;
        }
        if (runs < 1 || warmUp < 0 || threads < 1) {
            err.println("--runs and --threads must be at least 1, --warm-up at least 0");
            return ExitCodes.USAGE;
        }
        Loaded<ProfiledModel> loaded = OnnxProfiler.profile(model, options, new ProfileOptions(warmUp, runs, threads),
                done -> { }, () -> false);
        if (!ProfileOutput.printed(model, loaded, err)) {
            return ExitCodes.INVALID_INPUT;
        }
        ModelProfile profile = loaded.value().imported().profile();
        int written = ProfileOutput.write(profile, output, err);
        if (written == ExitCodes.OK) {
            summary(profile, loaded.value().timing(), spec.commandLine().getOut());
        }
        return written;
    }

    private void summary(ModelProfile p, TimingReport t, PrintWriter out) {
        double unitSum = t.units().stream().mapToDouble(UnitTiming::median).sum();
        out.printf("wrote %s: %d units (%s), latencies under device class '%s'%n", output, p.unitCount(),
                input.unitsDescription(), t.deviceClass());
        out.printf(Locale.ROOT, "%d timed runs after %d warm-up: median run %s profiled, %s without the profiler; sum of unit"
                        + " medians %s, scaled by %.3f to add up to the unprofiled run%n", t.runs(), warmUp,
                Format.ms(t.medianRunSeconds()), Format.ms(t.unprofiledRunSeconds()), Format.ms(unitSum), t.scale());
        out.println("slowest units (median, min .. max, as profiled):");
        List<Integer> slowest = IntStream.range(0, t.units().size()).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> t.units().get(u).median()).reversed())
                .limit(SLOWEST_SHOWN).toList();
        for (int u : slowest) {
            UnitTiming ut = t.units().get(u);
            out.printf(Locale.ROOT, "  %d %s: %s (%.3f .. %.3f ms)%n", u + 1, p.units().get(u).name(),
                    Format.ms(ut.median()), ut.min() * 1e3, ut.max() * 1e3);
        }
    }
}
