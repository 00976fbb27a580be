package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.splitscope.io.ProfileFiles;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/** The profile keeps the ONNX node names of each unit, which measurement files are mapped onto. */
class UnitNodesTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Granularity.class)
    void everyUnitListsItsNodesAndTheyRoundTrip(Granularity units) throws IOException {
        OnnxImport result = OnnxModels.imported(OnnxModels.write(dir, "residual.onnx", HandComputedImportTest.residual(false)), units);
        List<List<String>> nodes = result.profile().units().stream().map(Unit::nodes).toList();
        assertEquals(result.report().unitNodes(), nodes);
        Path file = dir.resolve("p.json");
        ProfileFiles.write(result.profile(), file);
        ModelProfile back = ProfileFiles.read(file).orElseThrow();
        assertEquals(nodes, back.units().stream().map(Unit::nodes).toList());
    }
}
