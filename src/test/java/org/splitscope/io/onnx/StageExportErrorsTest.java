package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;
import static org.splitscope.io.onnx.StageExportTest.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Plan;
import org.splitscope.model.Problem;
import org.splitscope.model.Stage;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/** Every way an export can be refused names the field or the part of the model that is wrong. */
class StageExportErrorsTest {
    private static final ImportOptions LAYERS = ImportOptions.of(Granularity.LAYERS);

    @TempDir
    Path dir;

    private Path residual() throws IOException {
        return OnnxModels.write(dir, "residual.onnx", StageExportTest.residual());
    }

    private static Problem only(Loaded<?> loaded) {
        assertFalse(loaded.isOk());
        assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
        return loaded.problems().get(0);
    }

    private static ModelProfile withUnits(ModelProfile p, List<Unit> units) {
        return new ModelProfile(p.name(), p.description(), p.inputBytes(), p.resultBytes(), units, null, null, null,
                null, null, null);
    }

    @Test
    void aProfileForAnotherInputSizeIsNotThisImport() throws IOException {
        // the window used to export with every open dimension pinned to 1 whatever size the profile was for
        Path model = residual();
        ModelProfile batch2 = StageExporter.open(model, LAYERS.withInputShape("x", 2, 4, 8, 8)).value().profile();
        Problem p = only(StageExporter.export(model, LAYERS, batch2, plan(8, 3)));
        assertEquals("profile.inputBytes", p.path());
        assertTrue(p.message().contains("an input of 2048 bytes") && p.message().contains("takes 1024 bytes"), p.message());
        assertTrue(StageExporter.export(model, LAYERS.withInputShape("x", 2, 4, 8, 8), batch2, plan(8, 3)).isOk());
    }

    @Test
    void aProfileWithAnotherUnitCountIsNotThisImport() throws IOException {
        Path model = residual();
        ModelProfile imported = StageExporter.open(model, LAYERS).value().profile();
        ModelProfile blocks = StageExporter.open(model, ImportOptions.of(Granularity.BLOCKS)).value().profile();
        Problem p = only(StageExporter.export(model, LAYERS, blocks, plan(7, 3)));
        assertEquals("profile.units", p.path());
        assertTrue(p.message().contains("has 7 units, the model imported with --units layers") && p.message().contains("has 8"),
                p.message());
        assertEquals(8, imported.unitCount());
    }

    @Test
    void aProfileWhoseUnitNamesDifferIsNotThisModel() throws IOException {
        Path model = residual();
        ModelProfile imported = StageExporter.open(model, LAYERS).value().profile();
        List<Unit> units = new ArrayList<>(imported.units());
        Unit u = units.get(4);
        units.set(4, new Unit("conv5", u.kind(), u.flops(), u.paramBytes(), u.cutBytes(), null, u.workingBytes()));
        Problem p = only(StageExporter.export(model, LAYERS, withUnits(imported, units), plan(8, 3)));
        assertEquals("profile.units[4].name", p.path());
        assertTrue(p.message().startsWith("unit 5 is 'conv5' in the scenario's profile but 'r2' in the model"), p.message());
    }

    @Test
    void stagesThatDoNotCoverTheModelInOrderAreRefused() throws IOException {
        StageExporter exporter = StageExporter.open(residual(), LAYERS).value();
        Problem gap = only(exporter.export(null, new Plan(List.of(new Stage(1, 3, "a"), new Stage(5, 8, "b")))));
        assertEquals("plan.stages[1]", gap.path());
        assertTrue(gap.message().contains("must start at unit 4"), gap.message());
        Problem shortPlan = only(exporter.export(null, plan(7, 3)));
        assertEquals("plan.stages[1].lastUnit", shortPlan.path());
        assertEquals("the plan ends at unit 7, the model has 8 units", shortPlan.message());
        assertEquals("plan.stages", only(exporter.export(null, new Plan(List.of()))).path());
    }

    @Test
    void aPartialModelIsRefusedAndEnabledExitsAreAWarning() throws IOException {
        StageExporter exporter = StageExporter.open(residual(), LAYERS).value();
        Problem p = only(exporter.export(null, new Plan(List.of(new Stage(1, 3, "a")), null, "e1")));
        assertEquals("plan.terminalExit", p.path());
        assertTrue(p.message().contains("exit heads are not part of the ONNX file"), p.message());
        Loaded<StageExport> withExits = exporter.export(null, plan(8, 3).withExits(List.of(new EnabledExit("e1", 0.5))));
        assertTrue(withExits.isOk());
        assertEquals("plan.exits", withExits.warnings().get(0).path());
    }

    @Test
    void writingOverAFileIsRefusedAndLeavesNothingBehind() throws IOException {
        StageExport export = StageExporter.open(residual(), LAYERS).value().export(null, plan(8, 3)).value();
        Path file = java.nio.file.Files.writeString(dir.resolve("out"), "a file");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> export.write(file));
        assertEquals(file + " is a file, not a folder; name a folder (new or existing) for the stage files", e.getMessage());
        assertEquals("a file", java.nio.file.Files.readString(file));
        IOException below = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> export.write(file.resolve("stages")));
        assertTrue(below.getMessage().startsWith("cannot create a folder in " + file), below.getMessage());
        assertNoTemporaryFolder();
    }

    @Test
    void aFolderThatCannotBeWrittenGivesAMessageAndNoHalfExport() throws IOException {
        StageExport export = StageExporter.open(residual(), LAYERS).value().export(null, plan(8, 3)).value();
        Path locked = java.nio.file.Files.createDirectories(dir.resolve("locked/stages"));
        locked.toFile().setWritable(false);
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(java.nio.file.Files.isWritable(locked), "running as root");
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> export.write(locked));
            assertTrue(e.getMessage().startsWith("cannot write the stage files into " + locked + ": not allowed"),
                    e.getMessage());
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
            try (var left = java.nio.file.Files.list(locked)) {
                assertEquals(0, left.count());
            }
        } finally {
            locked.toFile().setWritable(true);
        }
        assertNoTemporaryFolder();
    }

    @Test
    void anExistingFolderGetsTheFilesAndANewOneAppearsWhole() throws IOException {
        StageExport export = StageExporter.open(residual(), LAYERS).value().export(null, plan(8, 3)).value();
        Path fresh = dir.resolve("fresh");
        export.write(fresh);
        Path existing = java.nio.file.Files.createDirectories(dir.resolve("existing"));
        java.nio.file.Files.writeString(existing.resolve("notes.txt"), "mine");
        export.write(existing);
        try (var a = java.nio.file.Files.list(fresh); var b = java.nio.file.Files.list(existing)) {
            assertEquals(3, a.count());
            assertEquals(4, b.count());
        }
        assertEquals("mine", java.nio.file.Files.readString(existing.resolve("notes.txt")));
        assertNoTemporaryFolder();
    }

    @Test
    void aManifestNamingAFileOutsideItsFolderIsRefused() throws IOException {
        StageExport export = StageExporter.open(residual(), LAYERS).value().export(null, plan(8, 3)).value();
        Path stages = dir.resolve("stages");
        export.write(stages);
        assertTrue(StageExport.stageFile(stages, "stage-1.onnx").startsWith(stages.toRealPath()));
        for (String name : List.of("../residual.onnx", "/etc/passwd", "a\u0000b")) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                    () -> StageExport.stageFile(stages, name));
            assertFalse(e.getMessage().contains("Exception"), e.getMessage());
        }
    }

    private void assertNoTemporaryFolder() throws IOException {
        try (var all = java.nio.file.Files.walk(dir)) {
            assertEquals(List.of(), all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void aMissingFileIsAProblemOfTheFile() {
        Path missing = dir.resolve("nope.onnx");
        assertEquals(new Problem("", "no such file: " + missing), only(StageExporter.export(missing, LAYERS, null, plan(1))));
    }

    @Test
    void anOutputComputedFromWeightsAloneCannotComeFromAStage() throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addOutput(value("w2", 4));
        g.addInitializer(OnnxModels.weight("w", 4));
        g.addNode(node("Add", "add", List.of("x", "w"), List.of("y")));
        g.addNode(node("Neg", "neg", List.of("w"), List.of("w2")));
        Path model = OnnxModels.write(dir, "static-output.onnx", OnnxModels.model(g));
        Problem p = only(StageExporter.export(model, LAYERS, null, plan(1)));
        assertEquals("graph.output[1]", p.path());
        assertTrue(p.message().contains("'w2' is computed from weights alone"), p.message());
    }
}
