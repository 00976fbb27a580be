package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.onnx.OnnxModels.imported;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.NodeProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Unit;
import org.splitscope.zoo.Granularity;

/** The two real PaddleOCR exports in the test resources (fixtures/onnx), at the sizes PaddleOCR feeds them. */
class FixtureImportTest {
    private static final ImportOptions CLASSIFIER_48X192 = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 3, 48, 192);
    private static final ImportOptions DETECTOR_640 = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 3, 640, 640);

    /** Bytes of every weight, read straight from the file: the raw data of each Constant and initializer. */
    private static double storedWeightBytes(Path file) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(file));
        double bytes = m.getGraph().getInitializerList().stream().mapToDouble(t -> t.getRawData().size()).sum();
        for (NodeProto n : m.getGraph().getNodeList()) {
            if (n.getOpType().equals("Constant")) {
                TensorProto t = n.getAttributeList().stream().filter(a -> a.getName().equals("value"))
                        .map(AttributeProto::getT).findFirst().orElseThrow();
                // the fixtures store every Constant as raw bytes, except empty ones (a Resize's roi)
                assertTrue(t.hasRawData() || t.getDimsList().contains(0L), n::toString);
                bytes += t.getRawData().size();
            }
        }
        return bytes;
    }

    private static ImportOptions blocks(ImportOptions layers) {
        return new ImportOptions(Granularity.BLOCKS, layers.inputShapes(), layers.maxBytes());
    }

    private static double total(ModelProfile p, java.util.function.ToDoubleFunction<Unit> f) {
        return p.units().stream().mapToDouble(f).sum();
    }

    @Test
    void classifierWithConstantNodeWeights() throws IOException {
        OnnxImport layers = imported(OnnxModels.CLASSIFIER, CLASSIFIER_48X192);
        ModelProfile p = layers.profile();
        assertEquals(471, layers.report().nodeCount());
        assertEquals(250, layers.report().constantNodes());
        assertEquals(1, layers.report().foldedNodes(), "the Cast of a fill constant");
        assertEquals(220, p.unitCount(), "471 nodes - 250 Constants - 1 folded Cast");
        assertEquals(534_660.0, storedWeightBytes(OnnxModels.CLASSIFIER));
        assertEquals(534_660.0, total(p, Unit::paramBytes));
        assertEquals(3 * 48 * 192 * 4.0, p.inputBytes());
        assertEquals(2 * 4.0, p.resultBytes(), "two class probabilities");
        // the stem: 3x3 stride-2 conv to 8 channels, 24 x 96 outputs of 27 MACs, no bias
        assertEquals(new Unit("p2o.Conv.0", "Conv", 2.0 * 8 * 24 * 96 * 27, 8 * 27 * 4.0, 8 * 24 * 96 * 4.0,
                null, (3 * 48 * 192 + 8 * 24 * 96) * 4.0, List.of("p2o.Conv.0")), p.unit(1));
        assertEquals(List.of(), layers.report().unknownFlops());
        assertTrue(p.units().stream().allMatch(u -> u.flops() >= 0 && u.cutBytes() >= 0));
        assertEquals(p.resultBytes(), p.unit(p.unitCount()).cutBytes());

        ModelProfile b = imported(OnnxModels.CLASSIFIER, blocks(CLASSIFIER_48X192)).profile();
        assertEquals(60, b.unitCount());
        assertEquals(total(p, Unit::flops), total(b, Unit::flops));
        assertEquals(total(p, Unit::paramBytes), total(b, Unit::paramBytes));
    }

    @Test
    void detectorIsADagWhoseCutsCarrySeveralTensors() throws IOException {
        OnnxImport layers = imported(OnnxModels.DETECTOR, DETECTOR_640);
        ModelProfile p = layers.profile();
        assertEquals(672, layers.report().nodeCount());
        assertEquals(342, layers.report().constantNodes());
        assertEquals(330, p.unitCount());
        assertEquals(4_687_364.0, storedWeightBytes(OnnxModels.DETECTOR));
        assertEquals(4_687_364.0, total(p, Unit::paramBytes));
        assertEquals(640 * 640 * 4.0, p.resultBytes(), "one probability map at full resolution");
        assertEquals(List.of(), layers.report().unknownFlops());
        assertTrue(total(p, Unit::flops) > 1e9);

        // somewhere a skip connection waits beside the branch: a cut there carries more than the
        // unit's own output (which is at most its working bytes minus what was alive before it)
        Linearization l = linearized(DETECTOR_640);
        boolean wider = false;
        for (int i = 1; i <= l.n; i++) {
            double own = l.workingBytes[i] - l.cutBytes[i - 1];
            wider |= l.liveTensors[i] >= 2 && l.cutBytes[i] > own;
        }
        assertTrue(wider);

        OnnxImport blocks = imported(OnnxModels.DETECTOR, blocks(DETECTOR_640));
        assertEquals(51, blocks.profile().unitCount());
        assertEquals(total(p, Unit::flops), total(blocks.profile(), Unit::flops), 1e-6 * total(p, Unit::flops));
        // every block ends where one tensor is alive: its cut bytes are one unit's output
        for (List<String> nodes : blocks.report().unitNodes()) {
            String last = nodes.get(nodes.size() - 1);
            int at = layers.report().unitNodes().indexOf(List.of(last)) + 1;
            assertTrue(at == l.n || l.liveTensors[at] == 1, last);
        }
    }

    private static Linearization linearized(ImportOptions options) throws IOException {
        ModelProto m = ModelProto.parseFrom(Files.readAllBytes(OnnxModels.DETECTOR));
        OnnxGraph g = OnnxGraph.of(m.getGraph()).orElseThrow();
        return new Linearization(g, ShapeInference.infer(m, g, options.inputShapes()).orElseThrow().types());
    }
}
