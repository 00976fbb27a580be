package org.splitscope.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.splitscope.io.Loaded;
import org.splitscope.io.ProfileFiles;
import org.splitscope.io.csv.ExitCurves;
import org.splitscope.io.csv.ExitCurvesCsv;
import org.splitscope.io.csv.ExitSamples;
import org.splitscope.io.csv.ExitSamplesCsv;
import org.splitscope.io.csv.RangeLatencyCsv;
import org.splitscope.io.csv.UnitsCsv;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.ExitCriterion;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ExitStats;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.RangeLatencyTable;
import org.splitscope.model.Unit;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import-csv", description = "Build a profile from a per-unit CSV, or add to an existing profile: "
        + "range latencies, exit heads and their per-sample or per-curve statistics.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the profile was written", "1:a file has problems, or the profile they make is invalid (all printed)",
                "2:bad command line", "3:the profile could not be written"})
final class ImportCsvCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Base base;

    static final class Base {
        @Option(names = "--units", paramLabel = "UNITS.csv", description = "build a new profile from this per-unit CSV")
        Path units;

        @Option(names = "--profile", paramLabel = "PROFILE.json", description = "start from this profile file")
        Path profile;
    }

    @Option(names = "--name", description = "the new profile's name (default: the units file's name)")
    String name;

    @Option(names = "--input-bytes", paramLabel = "BYTES", description = "bytes of one request's input (required with --units)")
    Double inputBytes;

    @Option(names = "--result-bytes", paramLabel = "BYTES", description = "bytes of the answer (default 1000)")
    Double resultBytes;

    @Option(names = "--ranges", paramLabel = "RANGES.csv", description = "measured times of unit ranges, added to the profile's")
    Path ranges;

    @Option(names = "--exit", paramLabel = "ID:AFTER_UNIT:FLOPS:PARAM_BYTES",
            description = "add an exit head (repeat for several, in model order)")
    List<String> exits = new ArrayList<>();

    @ArgGroup(exclusive = true)
    Stats stats;

    static final class Stats {
        @Option(names = "--exit-samples", paramLabel = "SAMPLES.csv", description = "per-sample exit statistics (exact)")
        Path samples;

        @Option(names = "--exit-curves", paramLabel = "CURVES.csv", description = "per-exit curves (approximate)")
        Path curves;
    }

    @Option(names = "--combination", paramLabel = "independent|nested", converter = OptionWords.Combinations.class,
            completionCandidates = OptionWords.Combinations.class, description = "how curves combine (default independent)")
    CurveCombination combination;

    @Option(names = "--criterion", paramLabel = "maxProb|entropy", converter = OptionWords.Criteria.class,
            completionCandidates = OptionWords.Criteria.class, description = "what the confidences are (default: the profile's, or maxProb)")
    ExitCriterion criterion;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "PROFILE", description = "profile JSON file to write")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            err.println(usage);
            return ExitCodes.USAGE;
        }
        ModelProfile p = startingProfile(err);
        if (p == null) {
            return ExitCodes.INVALID_INPUT;
        }
        if (ranges != null) {
            List<RangeLatencyTable> tables = read(ranges, RangeLatencyCsv.read(ranges), err);
            if (tables == null) {
                return ExitCodes.INVALID_INPUT;
            }
            List<RangeLatencyTable> all = new ArrayList<>(p.rangeLatencies());
            all.addAll(tables);
            p = new ModelProfile(p.name(), p.description(), p.inputBytes(), p.resultBytes(), p.units(), p.exits(),
                    p.exitStats(), p.criterion(), all, p.serialize(), p.deserialize());
        }
        List<ExitHead> heads = new ArrayList<>(p.exits());
        exits.forEach(x -> heads.add(exitHead(x)));
        ExitStats exitStats = p.exitStats();
        List<String> ids = heads.stream().map(ExitHead::id).toList();
        if (stats != null && stats.samples != null) {
            ExitSamples s = read(stats.samples, ExitSamplesCsv.read(stats.samples), err);
            exitStats = s == null ? null : read(stats.samples, s.forExits(ids), err);
        } else if (stats != null) {
            ExitCurves c = read(stats.curves, ExitCurvesCsv.read(stats.curves, combination == null ? CurveCombination.INDEPENDENT : combination), err);
            exitStats = c == null ? null : read(stats.curves, c.forExits(ids), err);
        }
        if (stats != null && exitStats == null) {
            return ExitCodes.INVALID_INPUT;
        }
        p = p.withExits(heads, exitStats);
        p = new ModelProfile(p.name(), p.description(), p.inputBytes(), p.resultBytes(), p.units(), p.exits(),
                p.exitStats(), criterion == null ? p.criterion() : criterion, p.rangeLatencies(), p.serialize(), p.deserialize());
        List<Problem> invalid = p.validate("profile");
        if (!invalid.isEmpty()) {
            err.println("the profile these files make is invalid (" + invalid.size() + " problem"
                    + (invalid.size() == 1 ? "" : "s") + "):");
            invalid.forEach(x -> err.println("  " + x));
            return ExitCodes.INVALID_INPUT;
        }
        int written = ProfileOutput.write(p, output, err);
        if (written == ExitCodes.OK) {
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s: %d units, %d exits (%s), %d range tables%n", output,
                    p.unitCount(), p.exits().size(), p.exitStats() == null ? "no statistics" : p.exitStats().getClass().getSimpleName(),
                    p.rangeLatencies().size());
        }
        return written;
    }

    /** What is wrong with the options beyond what picocli checks, or {@code null}. */
    private String usageProblem() {
        if (base.units != null && (inputBytes == null || !(inputBytes > 0) || inputBytes.isInfinite())) {
            return "--input-bytes: a new profile needs its input size, a number > 0" + (inputBytes == null ? "" : ", got " + inputBytes);
        }
        if (base.profile != null && (name != null || inputBytes != null || resultBytes != null)) {
            return "--name, --input-bytes and --result-bytes make a new profile; they cannot change --profile's";
        }
        for (String x : exits) {
            if (exitHead(x) == null) {
                return "--exit: expected ID:AFTER_UNIT:FLOPS:PARAM_BYTES (e.g. e1:3:1e6:4e4), got '" + x + "'";
            }
        }
        if (combination != null && (stats == null || stats.curves == null)) {
            return "--combination applies to --exit-curves only";
        }
        return null;
    }

    private ModelProfile startingProfile(PrintWriter err) {
        if (base.profile != null) {
            return read(base.profile, ProfileFiles.read(base.profile), err);
        }
        List<Unit> units = read(base.units, UnitsCsv.read(base.units), err);
        if (units == null) {
            return null;
        }
        String file = base.units.getFileName().toString();
        String n = name != null ? name : file.toLowerCase(Locale.ROOT).endsWith(".csv") ? file.substring(0, file.length() - 4) : file;
        return new ModelProfile(n, "Imported from " + file, inputBytes, resultBytes, units, null, null, null, null, null, null);
    }

    /** The value, or {@code null} after printing the file's problems; warnings are printed either way. */
    private static <T> T read(Path file, Loaded<T> loaded, PrintWriter err) {
        loaded.warnings().forEach(w -> err.println("warning: " + file + ": " + w));
        if (!loaded.isOk()) {
            err.println(file + ": " + loaded.problems().size() + " problem" + (loaded.problems().size() == 1 ? "" : "s") + ":");
            loaded.problems().forEach(p -> err.println("  " + p));
        }
        return loaded.value();
    }

    private static ExitHead exitHead(String text) {
        String[] f = text.split(":", -1);
        if (f.length != 4 || f[0].isBlank()) {
            return null;
        }
        try {
            int after = Integer.parseInt(f[1].trim());
            double flops = Double.parseDouble(f[2].trim());
            double params = Double.parseDouble(f[3].trim());
            return after >= 1 && flops >= 0 && params >= 0 && Double.isFinite(flops) && Double.isFinite(params)
                    ? new ExitHead(f[0].trim(), after, flops, params) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
