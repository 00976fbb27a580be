package org.splitscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.splitscope.io.ProfileFiles;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.SizeLimits;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;
import org.splitscope.zoo.ModelZoo;
import org.splitscope.zoo.ZooModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "zoo", description = "List the built-in models, or write one's profile (computed from its architecture).",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:listed or written", "2:bad command line (an unknown model is named with the known ones)",
                "3:the profile could not be written"})
final class ZooCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "model id (see the list without one)")
    String id;

    @Option(names = {"-o", "--output"}, paramLabel = "PROFILE.json", description = "write the profile here")
    Path output;

    @Option(names = "--units", defaultValue = "blocks", paramLabel = "blocks|layers", converter = OptionWords.Units.class,
            completionCandidates = OptionWords.Units.class, description = "blocks or layers (default ${DEFAULT-VALUE})")
    Granularity granularity;

    @Option(names = "--synthetic-exits", paramLabel = "SAMPLES", description = "attach the model's exit heads with"
            + " SYNTHETIC per-sample statistics (seeded, calibrated to the published accuracy) for this many samples")
    Integer samples;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (id == null) {
            out.printf(Locale.ROOT, "%-18s %-40s %8s%n", "id", "model", "top-1");
            for (ZooModel m : ModelZoo.all()) {
                out.printf(Locale.ROOT, "%-18s %-40s %8s%n", m.id(), m.title(),
                        m.hasPublishedAccuracy() ? Format.percent(m.publishedAccuracy()) : "-");
            }
            return ExitCodes.OK;
        }
        ZooModel model;
        try {
            model = ModelZoo.byId(id);
        } catch (IllegalArgumentException e) {
            err.println("zoo: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (samples != null && samples > SizeLimits.MAX_SAMPLES) {
            err.println("zoo: --synthetic-exits: at most " + SizeLimits.MAX_SAMPLES + " samples, got " + samples);
            return ExitCodes.USAGE;
        }
        if (samples != null && (samples < 1 || !model.hasPublishedAccuracy())) {
            err.println("zoo: " + (samples < 1 ? "--synthetic-exits needs at least 1 sample"
                    : model.title() + " has no published accuracy to calibrate synthetic exit statistics to"));
            return ExitCodes.USAGE;
        }
        ModelProfile profile = samples == null ? model.profile(granularity)
                : model.profileWithSyntheticExits(granularity, ExitCriterion.MAX_PROB, 1, samples);
        out.printf(Locale.ROOT, "%s: %d units, %s FLOPs, %s parameters, %d exits%n", model.title(), profile.unitCount(),
                Format.number(profile.units().stream().mapToDouble(Unit::flops).sum()),
                Format.bytes(profile.units().stream().mapToDouble(Unit::paramBytes).sum()), profile.exits().size());
        if (output != null) {
            try {
                ProfileFiles.write(profile, output);
                out.println("wrote " + output);
            } catch (IOException e) {
                err.println("zoo: cannot write " + output + ": " + e.getMessage());
                return ExitCodes.IO_ERROR;
            }
        }
        return ExitCodes.OK;
    }
}
