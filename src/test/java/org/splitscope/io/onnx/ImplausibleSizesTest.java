package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;
import static org.splitscope.io.onnx.OnnxModels.int64s;
import static org.splitscope.io.onnx.OnnxModels.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.zoo.Granularity;

/** A model whose declared shapes give absurd sizes is warned about by tensor and refused by the profile's ranges. */
class ImplausibleSizesTest {
    @TempDir
    Path dir;

    @Test
    void aModelWithAHugeDeclaredOutputIsWarnedAboutAndRefused() throws IOException {
        // 1 x 1 x 4000 x 4000 floats in (under the input limit), tiled 62.5 M times: 4e15 bytes of output,
        // above the 1e15 a profile accepts (a Conv that large would need an input over the input limit)
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 1, 4000, 4000))
                .addInitializer(int64s("r", 1, 62_500_000, 1, 1)).addOutput(value("y", 1, 62_500_000, 4000, 4000))
                .addNode(node("Tile", "huge", List.of("x", "r"), List.of("y")));
        Loaded<OnnxImport> loaded = OnnxImporter.importModel(write(dir, "huge.onnx", model(g)), ImportOptions.of(Granularity.LAYERS));
        assertFalse(loaded.isOk(), "a profile with 4e15-byte results must not be accepted");
        assertTrue(loaded.warnings().stream().anyMatch(w -> w.path().equals("graph.output[0]")
                && w.message().equals("the output's tensor 'y' is declared with 4e15 bytes, more than the 1e15 bytes"
                + " a profile accepts: check the declared shapes")), loaded.warnings()::toString);
        assertTrue(loaded.problems().stream().anyMatch(p -> p.path().equals("profile.resultBytes")
                && p.message().contains("from 1e-6 to 1e15 bytes, got 4e15")), loaded.problems()::toString);
    }
}
