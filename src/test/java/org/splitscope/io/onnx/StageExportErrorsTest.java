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
