package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.OnnxFixtures;
import org.splitscope.cli.Main;
import org.splitscope.io.Loaded;
import org.splitscope.io.ProfileFiles;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ModelInputs;
import org.splitscope.zoo.Granularity;

/**
 * The import form on the two PaddleOCR fixtures, the test thread as the UI thread: what it
 * prefills and why, what it refuses in a field, and that its preview's totals are those of the
 * command line's {@code import} with the same shape and units.
 */
class ImportFormTest {
    @TempDir
    Path dir;

    private final UiQueue ui = new UiQueue(Duration.ofSeconds(60), 20);
    private final BackgroundWork work = ui.work();

    private ImportForm form(Path model) {
        return new ImportForm(ModelInputs.read(model, ImportOptions.DEFAULT_MAX_BYTES).orElseThrow(), work);
    }

    private void awaitPreview(ImportForm f) throws InterruptedException {
        ui.runUntil(() -> !f.runningProperty().get());
    }

    /** The totals of the profile the command line's import writes for these arguments. */
    private ImportForm.Totals commandLine(Path model, String units, String shape) {
        Path out = dir.resolve("profile.json");
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"import", model.toString(), "-o", out.toString(), "--units", units,
            "--input-shape", shape}, new PrintWriter(new StringWriter()), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        return ImportForm.Totals.of(ProfileFiles.read(out).orElseThrow());
    }

    private static List<String> texts(ImportForm f) {
        return f.fields("x").stream().map(d -> d.textProperty().get()).toList();
    }

    @Test
    void theClassifierIsPrefilledWithTheSizePaddleOcrFeedsItAndSaysSo() throws Exception {
        ImportForm f = form(OnnxFixtures.CLASSIFIER);
        assertEquals(List.of("x"), f.inputNames());
        assertEquals(List.of("1", "3", "48", "192"), texts(f));
        List<ShapeField> x = f.fields("x");
        assertTrue(x.get(1).isFixed());
        assertFalse(x.get(0).isFixed() || x.get(2).isFixed() || x.get(3).isFixed());
        assertTrue(x.get(0).note().startsWith("Batch"), x.get(0).note());
        assertTrue(x.get(2).note().startsWith("Height") && x.get(2).note().contains("48 × 192"), x.get(2).note());
        awaitPreview(f);
        assertTrue(f.acceptableProperty().get(), f.errorProperty().get());
        assertEquals(commandLine(OnnxFixtures.CLASSIFIER, "blocks", "1,3,48,192"), f.totalsProperty().get());
        assertEquals(3.618e7, f.totalsProperty().get().flops(), 0.001e7, "not the 2.6e5 of a 1 x 3 x 1 x 1 image");
        assertEquals(60, f.accepted().profile().unitCount());
    }

    @Test
    void theDetectorsPageSizeMustBeGivenBeforeAnythingIsImported() throws Exception {
        ImportForm f = form(OnnxFixtures.DETECTOR);
        assertEquals(List.of("1", "3", "", ""), texts(f));
        ShapeField height = f.fields("x").get(2);
        assertTrue(height.errorProperty().get().startsWith("Required"), height.errorProperty().get());
        assertTrue(height.note().contains("multiples of 32"), height.note());
        assertFalse(f.acceptableProperty().get());
        assertNull(f.totalsProperty().get());
        assertNull(f.options());
        assertTrue(f.statusProperty().get().contains("dimension 2"), f.statusProperty().get());

        height.textProperty().set("640");
        f.fields("x").get(3).textProperty().set("640");
        f.unitsProperty().set(Granularity.LAYERS);
        awaitPreview(f);
        assertTrue(f.acceptableProperty().get(), f.errorProperty().get());
        assertEquals(commandLine(OnnxFixtures.DETECTOR, "layers", "1,3,640,640"), f.totalsProperty().get());
        assertEquals(4.769e9, f.totalsProperty().get().flops(), 0.001e9);
    }

    @Test
    void badTextInAFieldIsNamedAndKeptAsTyped() throws Exception {
        ImportForm f = form(OnnxFixtures.CLASSIFIER);
        awaitPreview(f);
        ShapeField width = f.fields("x").get(3);
        record Case(String typed, String error) {
        }
        for (Case c : List.of(new Case("abc", "'abc' is not a number; enter a whole number from 1 to 16384"),
                new Case("2,5", "'2,5' is not a number"), new Case("0", "Must be at least 1, got 0"),
                new Case("-5", "Must be at least 1, got -5"), new Case("2.5", "Must be a whole number, got 2.5"),
                new Case("99999", "At most 16384, got 99999"), new Case(" ", "Required"))) {
            width.textProperty().set(c.typed());
            assertTrue(width.errorProperty().get().startsWith(c.error()), c + ": " + width.errorProperty().get());
            assertEquals(c.typed(), width.textProperty().get(), "never rewritten");
            assertFalse(f.acceptableProperty().get(), c.typed());
            assertNull(f.accepted());
            assertNull(f.totalsProperty().get(), "no totals for a shape that is not on screen");
        }
        width.textProperty().set("1e3");
        assertEquals("", width.errorProperty().get(), "scientific notation is a number");
        assertEquals(1000, width.value());
        awaitPreview(f);
        assertTrue(f.acceptableProperty().get(), f.errorProperty().get());
    }

    @Test
    void anInputTooLargeAsAWholeIsRefusedNamingTheLimit() {
        ImportForm f = form(OnnxFixtures.DETECTOR);
        f.fields("x").get(2).textProperty().set("16384");
        f.fields("x").get(3).textProperty().set("16384");
        assertEquals("", f.fields("x").get(3).errorProperty().get(), "each dimension alone is allowed");
        assertTrue(f.shapeErrorProperty().get().contains("268435456"), f.shapeErrorProperty().get());
        assertFalse(f.acceptableProperty().get());
        assertNull(f.options());
    }

    @Test
    void theRuntimesOwnWordsNeverReachTheUser() throws Exception {
        ModelInputs inputs = ModelInputs.read(OnnxFixtures.CLASSIFIER, ImportOptions.DEFAULT_MAX_BYTES).orElseThrow();
        List<ImportOptions> asked = new ArrayList<>();
        ImportForm f = new ImportForm(inputs, work, (file, options) -> {
            asked.add(options);
            return Loaded.failed("", "ONNX Runtime cannot infer the shapes for the inputs x[1, 3, 48, 192]: "
                    + "[ErrorCode:Fail] Node (p2o.Conv.0) Op (Conv) [ShapeInferenceError] kernel too large");
        });
        awaitPreview(f);
        assertFalse(f.acceptableProperty().get());
        String error = f.errorProperty().get();
        assertTrue(error.contains("does not run on an input of this size"), error);
        assertFalse(error.contains("ErrorCode") || error.contains("ShapeInferenceError"), error);
        assertEquals(1, asked.size());
        assertEquals(Granularity.BLOCKS, asked.get(0).units());

        ImportForm crashing = new ImportForm(inputs, work, (file, options) -> {
            throw new IllegalStateException("java.lang.NullPointerException at Foo.bar");
        });
        awaitPreview(crashing);
        assertTrue(crashing.errorProperty().get().contains("internal error"), crashing.errorProperty().get());
        assertFalse(crashing.errorProperty().get().contains("NullPointer"));
        assertNotNull(crashing.statusProperty().get());
    }

    @Test
    void aFileThatIsNotAModelIsRefusedWithoutTheParsersWords() throws Exception {
        Path bad = dir.resolve("model.onnx");
        java.nio.file.Files.write(bad, new byte[] {0x0a, (byte) 0xff, 0x01, 0x7f, 0x12});
        Loaded<ModelInputs> read = ModelInputs.read(bad, ImportOptions.DEFAULT_MAX_BYTES);
        assertFalse(read.isOk());
        String raw = read.problems().get(0).message();
        String shown = ImportForm.inUserWords(read.problems()).get(0).message();
        assertTrue(raw.startsWith("not an ONNX model") && raw.contains("("), raw);
        assertEquals("not an ONNX model, or a damaged or truncated one", shown);
    }

    @Test
    void aPreviewCancelledFromTheStatusBarSaysSoAndAcceptsNothing() throws Exception {
        ModelInputs inputs = ModelInputs.read(OnnxFixtures.CLASSIFIER, ImportOptions.DEFAULT_MAX_BYTES).orElseThrow();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        ImportForm f = new ImportForm(inputs, work, (file, options) -> {
            started.countDown();
            return org.splitscope.io.onnx.OnnxImporter.importModel(file, options);
        });
        assertTrue(started.await(30, TimeUnit.SECONDS));
        work.cancel();
        awaitPreview(f);
        assertTrue(f.statusProperty().get().startsWith("Cancelled"), f.statusProperty().get());
        assertFalse(f.acceptableProperty().get());
        assertNull(f.totalsProperty().get());
        f.unitsProperty().set(Granularity.LAYERS);
        awaitPreview(f);
        assertTrue(f.acceptableProperty().get(), "a change computes the totals again");
    }
}
