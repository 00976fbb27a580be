package org.splitscope.io.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;

/**
 * TensorFlow Lite {@code benchmark_model --enable_op_profiling=true --op_profiling_output_mode=csv}
 * output: section titles and {@code ====} rules around comma-separated tables whose header holds
 * {@code node type}, {@code avg_ms} and {@code name}. The first table after the line naming the
 * regular benchmark runs is the one in run order (the later ones sort or sum the same rows); the
 * initialization table before it is skipped. {@code avg_ms} is the operator's time per run. Names
 * are the operator's output tensor in brackets, optionally followed by {@code :index}.
 */
public final class TfliteOpProfile {
    private TfliteOpProfile() {
    }

    public static Loaded<Measurements> parse(String text) {
        String[] lines = text.split("\r?\n", -1);
        int start = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains("Regular Benchmark Runs")) {
                start = i + 1;
                break;
            }
        }
        int header = -1;
        for (int i = start; i < lines.length && header < 0; i++) {
            List<String> cells = cells(lines[i]);
            if (cells.contains("node type") && cells.contains("name") && avgColumn(cells) >= 0) {
                header = i;
            }
        }
        if (header < 0) {
            return Loaded.failed("", "no operator table found: expected a header with 'node type', 'avg_ms' and 'name' "
                    + "(run benchmark_model with --enable_op_profiling=true --op_profiling_output_mode=csv)");
        }
        List<String> columns = cells(lines[header]);
        int avg = avgColumn(columns);
        int name = columns.indexOf("name");
        int type = columns.indexOf("node type");
        List<Problem> problems = new ArrayList<>();
        List<MeasuredLayer> layers = new ArrayList<>();
        for (int i = header + 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("=")) {
                break; // the end of the run-order table
            }
            String where = "line " + (i + 1);
            String[] f = line.split(",", -1);
            if (f.length < columns.size()) {
                problems.add(new Problem(where, "has " + f.length + " fields, the header " + columns.size()));
                continue;
            }
            // a name may hold commas: it takes what is left of the line
            String opName = String.join(",", java.util.Arrays.copyOfRange(f, name, f.length - (columns.size() - 1 - name))).strip();
            double ms;
            try {
                ms = Double.parseDouble(f[avg].strip());
            } catch (NumberFormatException e) {
                problems.add(new Problem(where, columns.get(avg) + " " + InputFiles.quote(f[avg].strip()) + " is not a number"));
                continue;
            }
            if (!Double.isFinite(ms) || ms < 0) {
                problems.add(new Problem(where, columns.get(avg) + " must be milliseconds >= 0, got " + f[avg].strip()));
                continue;
            }
            String op = tensorName(opName);
            if (op.isEmpty()) {
                problems.add(new Problem(where, "the operator has no name (" + f[type].strip() + ")"));
                continue;
            }
            layers.add(new MeasuredLayer(op, where, ms / 1e3, List.of()));
        }
        if (!problems.isEmpty()) {
            return Loaded.failed(problems, List.of());
        }
        if (layers.isEmpty()) {
            return Loaded.failed("line " + (header + 1), "the operator table has no rows");
        }
        return Loaded.ok(new Measurements(layers, "TensorFlow Lite benchmark_model op profiling (average per run)"), List.of());
    }

    private static List<String> cells(String line) {
        List<String> out = new ArrayList<>();
        for (String c : line.split(",", -1)) {
            String s = c.strip().toLowerCase(Locale.ROOT);
            out.add(s.startsWith("[") && s.endsWith("]") ? s.substring(1, s.length() - 1).strip() : s);
        }
        return out;
    }

    private static int avgColumn(List<String> cells) {
        for (String c : List.of("avg_ms", "avg ms", "avg (ms)")) {
            if (cells.contains(c)) {
                return cells.indexOf(c);
            }
        }
        return -1;
    }

    /** {@code [conv1/Relu6]:3} is the tensor {@code conv1/Relu6}. */
    private static String tensorName(String s) {
        String n = s.replaceFirst(":\\d+$", "");
        return n.startsWith("[") && n.endsWith("]") ? n.substring(1, n.length() - 1).strip() : n;
    }
}
