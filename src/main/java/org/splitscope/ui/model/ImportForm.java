package org.splitscope.ui.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ModelInputs;
import org.splitscope.io.onnx.OnnxImport;
import org.splitscope.io.onnx.OnnxImporter;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.zoo.Granularity;

/**
 * The import dialog's model (File > Import ONNX model, File > Profile ONNX model, a dropped .onnx
 * file): the model's inputs with a field per dimension, the units, and a preview of the totals
 * the import would give, computed in the background whenever the settings are complete. The
 * import can be accepted only once the preview of exactly these settings succeeded, so that
 * nothing is imported with a size the user did not see on screen.
 */
public final class ImportForm {
    /** The most values one input may hold: 1 GiB of 32-bit floats. */
    public static final long MAX_VALUES = 1L << 28;

    /** What the preview computes: the importer, or a stand-in in tests. */
    public interface Importer {
        Loaded<OnnxImport> importModel(Path file, ImportOptions options);
    }

    /** The figures shown before the import is accepted. */
    public record Totals(int units, double flops, double paramBytes, double largestCutBytes) {
        static Totals of(ModelProfile p) {
            double flops = p.units().stream().mapToDouble(u -> u.flops()).sum();
            double params = p.units().stream().mapToDouble(u -> u.paramBytes()).sum();
            // a cut after the last unit cuts nothing off: only the cuts inside the model count
            double cut = p.units().subList(0, p.unitCount() - 1).stream().mapToDouble(u -> u.cutBytes())
                    .max().orElse(0);
            return new Totals(p.unitCount(), flops, params, cut);
        }
    }

    private final ModelInputs model;
    private final BackgroundWork work;
    private final Importer importer;
    private final Map<String, List<ShapeField>> fields = new LinkedHashMap<>();
    private final ReadOnlyStringWrapper shapeError = new ReadOnlyStringWrapper(this, "shapeError", "");
    private final ObjectProperty<Granularity> units = new SimpleObjectProperty<>(this, "units", Granularity.BLOCKS);
    private final Map<ImportOptionsKey, Loaded<OnnxImport>> previews = new HashMap<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyObjectWrapper<Totals> totals = new ReadOnlyObjectWrapper<>(this, "totals");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper acceptable = new ReadOnlyBooleanWrapper(this, "acceptable");
    private ImportOptionsKey shown;
    private BackgroundWork.Handle job;

    public ImportForm(ModelInputs model, BackgroundWork work) {
        this(model, work, OnnxImporter::importModel);
    }

    public ImportForm(ModelInputs model, BackgroundWork work, Importer importer) {
        this.model = model;
        this.work = work;
        this.importer = importer;
        for (ModelInputs.Input in : model.inputs()) {
            List<ShapeField> dims = new ArrayList<>();
            for (int d = 0; d < in.dims().size(); d++) {
                ModelInputs.Dim dim = in.dims().get(d);
                ShapeDefaults.Suggestion s = ShapeDefaults.suggest(model, in, d);
                String initial = s.value() > 0 ? Long.toString(s.value()) : "";
                ShapeField f = new ShapeField(in.name(), d, dim.param(), dim.fixed(), initial, s.note());
                f.textProperty().addListener((o, was, now) -> refresh());
                dims.add(f);
            }
            fields.put(in.name(), List.copyOf(dims));
        }
        units.addListener((o, was, now) -> refresh());
        refresh();
    }

    /** The model's inputs, by name in the file's order. */
    public List<String> inputNames() {
        return List.copyOf(fields.keySet());
    }

    /** The fields of one input's dimensions; empty when the model gives the input no shape. */
    public List<ShapeField> fields(String input) {
        return fields.get(input);
    }

    /** Why an input as a whole cannot be used (no shape in the model, too many values), or "". */
    public ReadOnlyStringProperty shapeErrorProperty() {
        return shapeError.getReadOnlyProperty();
    }

    public ObjectProperty<Granularity> unitsProperty() {
        return units;
    }

    /** Whether the preview is being computed. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The preview's totals for the settings on screen; null while there are none. */
    public ReadOnlyObjectProperty<Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** What the preview is doing, or what it waits for. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the model cannot be imported with these settings, in the user's words; "" when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether OK may be pressed: every field valid and the preview of exactly these settings done. */
    public ReadOnlyBooleanProperty acceptableProperty() {
        return acceptable.getReadOnlyProperty();
    }

    /** The settings on screen, or null while a field cannot be read. */
    public ImportOptions options() {
        ImportOptionsKey key = key(new ArrayList<>());
        return key == null ? null : key.options();
    }

    /** The import the preview computed for the settings on screen; null unless {@link #acceptableProperty()}. */
    public OnnxImport accepted() {
        Loaded<OnnxImport> p = shown == null ? null : previews.get(shown);
        return acceptable.get() && p != null ? p.value() : null;
    }

    /** Stops the preview being computed, if any (the dialog was closed); an import already previewed stays accepted. */
    public void close() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** Checks the settings and, when they are complete, shows their preview (computing it unless done before). */
    private void refresh() {
        List<String> inputErrors = new ArrayList<>();
        ImportOptionsKey key = key(inputErrors);
        shapeError.set(String.join("\n", inputErrors));
        shown = key;
        acceptable.set(false);
        totals.set(null);
        error.set("");
        if (job != null) {
            job.cancel();
            job = null;
        }
        if (key == null) {
            running.set(false);
            status.set(waitingFor());
            return;
        }
        Loaded<OnnxImport> done = previews.get(key);
        if (done != null) {
            show(key, done);
            return;
        }
        running.set(true);
        status.set("Computing the totals for " + key.describe() + "…");
        String name = String.valueOf(model.file().getFileName());
        BackgroundWork.Handle[] self = new BackgroundWork.Handle[1];
        job = work.submit("Previewing " + name, progress -> {
            progress.checkCancelled(); // replaced by newer settings before it began
            return importer.importModel(model.file(), key.options());
        }, result -> {
            previews.put(key, result);
            if (key.equals(shown)) {
                show(key, result);
            }
        }, failure -> {
            if (key.equals(shown)) {
                running.set(false);
                status.set("");
                error.set("SplitScope could not compute the totals for " + key.describe()
                        + " (an internal error); the model was not imported.");
            }
        }, () -> {
            if (job == self[0]) { // stopped from the status bar, not replaced by newer settings
                job = null;
                running.set(false);
                status.set("Cancelled: change a size or the units to compute the totals again");
            }
        });
        self[0] = job;
    }

    private void show(ImportOptionsKey key, Loaded<OnnxImport> result) {
        running.set(false);
        if (result.isOk()) {
            totals.set(Totals.of(result.value().profile()));
            status.set("Totals for " + key.describe() + ", " + (key.units() == Granularity.LAYERS ? "one unit per node"
                    : "one unit per block between single-tensor cuts"));
            acceptable.set(true);
        } else {
            status.set("");
            error.set("Cannot import with " + key.describe() + ": " + result.problems().stream()
                    .map(ImportForm::inUserWords).distinct().collect(Collectors.joining("; ")));
        }
    }

    /**
     * A problem of an import or a profiling as the user can act on it. The importer's own sentences
     * already say what is wrong in the model's terms; the library text some of them quote (ONNX
     * Runtime's or protobuf's, after the sentence) is left out, since it speaks of its internals.
     */
    public static String inUserWords(Problem p) {
        String m = p.message();
        if (m.startsWith("ONNX Runtime cannot infer the shapes")) {
            return "the model does not run on an input of this size (a layer needs another size); "
                    + "check the dimensions against the size the model was made for";
        }
        if (m.startsWith("ONNX Runtime") && m.contains(": ")) {
            return m.substring(0, m.indexOf(": "));
        }
        if (m.startsWith("not an ONNX model") && m.contains(" (")) {
            return m.substring(0, m.indexOf(" ("));
        }
        return m;
    }

    /** The problems as {@link #inUserWords} puts them, each with its place in the file. */
    public static List<Problem> inUserWords(List<Problem> problems) {
        return problems.stream().map(p -> new Problem(p.path(), inUserWords(p))).toList();
    }

    /** The first thing to fix, for the status line while the settings are incomplete. */
    private String waitingFor() {
        if (!shapeError.get().isEmpty()) {
            return shapeError.get();
        }
        for (List<ShapeField> input : fields.values()) {
            for (ShapeField f : input) {
                if (!f.errorProperty().get().isEmpty()) {
                    return "Fill in " + f.label() + ": " + f.errorProperty().get();
                }
            }
        }
        return "";
    }

    /** The settings as a comparable key, or null while a field or an input is not valid. */
    private ImportOptionsKey key(List<String> inputErrors) {
        Map<String, List<Long>> shapes = new LinkedHashMap<>();
        boolean complete = true;
        for (ModelInputs.Input in : model.inputs()) {
            if (!in.shaped()) {
                inputErrors.add("The model gives input '" + in.name() + "' no shape; the command line's "
                        + "import --input-shape can give it one");
                complete = false;
                continue;
            }
            List<Long> dims = new ArrayList<>();
            for (ShapeField f : fields.get(in.name())) {
                dims.add(f.value());
            }
            if (dims.contains(0L)) {
                complete = false;
                continue;
            }
            double values = dims.stream().mapToDouble(Long::doubleValue).reduce(1, (a, b) -> a * b);
            if (values > MAX_VALUES) {
                inputErrors.add(String.format(Locale.ROOT, "Input '%s' would hold %.4g values (%s); at most "
                        + "%d (1 GiB of 32-bit floats): make a dimension smaller", in.name(), values,
                        dims.stream().map(String::valueOf).collect(Collectors.joining(" × ")), MAX_VALUES));
                complete = false;
                continue;
            }
            shapes.put(in.name(), dims);
        }
        return complete ? new ImportOptionsKey(units.get(), shapes) : null;
    }

    /** Settings by value (an {@link ImportOptions} holds arrays, which compare by identity). */
    private record ImportOptionsKey(Granularity units, Map<String, List<Long>> shapes) {
        ImportOptions options() {
            ImportOptions o = ImportOptions.of(units);
            for (Map.Entry<String, List<Long>> e : shapes.entrySet()) {
                o = o.withInputShape(e.getKey(), e.getValue().stream().mapToLong(Long::longValue).toArray());
            }
            return o;
        }

        /** "x[1, 3, 48, 192]". */
        String describe() {
            return shapes.entrySet().stream().map(e -> e.getKey() + e.getValue()).collect(Collectors.joining(", "));
        }
    }
}
