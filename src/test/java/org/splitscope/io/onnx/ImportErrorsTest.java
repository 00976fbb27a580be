package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;
import static org.splitscope.io.onnx.OnnxModels.write;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.proto.Onnx.AttributeProto;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;
import org.splitscope.io.onnx.proto.Onnx.StringStringEntryProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;
import org.splitscope.model.Problem;
import org.splitscope.zoo.Granularity;

/** Files that cannot be imported: each gets one clear problem, located and naming the node. */
class ImportErrorsTest {
    @TempDir
    Path dir;

    private static Loaded<OnnxImport> load(Path file) {
        return OnnxImporter.importModel(file, ImportOptions.of(Granularity.LAYERS));
    }

    private static Problem onlyProblem(Loaded<OnnxImport> loaded) {
        assertFalse(loaded.isOk());
        assertEquals(1, loaded.problems().size(), loaded.problems()::toString);
        return loaded.problems().get(0);
    }

    @Test
    void truncatedModelIsADamagedFile() throws IOException {
        byte[] whole = Files.readAllBytes(OnnxModels.CLASSIFIER);
        Path half = dir.resolve("half.onnx");
        Files.write(half, Arrays.copyOf(whole, whole.length / 2));
        Problem p = onlyProblem(load(half));
        assertEquals("", p.path());
        assertTrue(p.message().startsWith("not an ONNX model, or a damaged or truncated one"), p.message());
    }

    @Test
    void otherFilesAreNotOnnx() throws IOException {
        Path json = Path.of("sample-scenarios", "teaching.json");
        assertTrue(onlyProblem(load(json)).message().startsWith("not an ONNX model"));
        Path empty = Files.createFile(dir.resolve("empty.onnx"));
        assertEquals("not an ONNX model: it has no IR version", onlyProblem(load(empty)).message());
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        assertTrue(onlyProblem(load(Files.write(dir.resolve("noise.onnx"), noise))).message().startsWith("not an ONNX model"));
        assertEquals("no such file: " + dir.resolve("missing.onnx"), onlyProblem(load(dir.resolve("missing.onnx"))).message());
    }

    @Test
    void theSizeLimitIsCheckedBeforeReading() {
        Loaded<OnnxImport> loaded = OnnxImporter.importModel(OnnxModels.CLASSIFIER,
                new ImportOptions(Granularity.LAYERS, java.util.Map.of(), 1000));
        String message = onlyProblem(loaded).message();
        assertTrue(message.endsWith("KiB, over the limit of 1000 bytes"), message);
    }

    @Test
    void controlFlowIsRejectedWithTheNode() throws IOException {
        GraphProto branch = GraphProto.newBuilder().setName("then").addOutput(value("t", 1))
                .addNode(node("Identity", "inner", List.of("x"), List.of("t"))).build();
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1)).addInput(value("cond"))
                .addOutput(value("y", 1)).addNode(node("If", "branchy", List.of("cond"), List.of("y"),
                        AttributeProto.newBuilder().setName("then_branch").setType(AttributeProto.AttributeType.GRAPH)
                                .setG(branch).build()));
        Problem p = onlyProblem(load(write(dir, "if.onnx", model(g))));
        assertEquals("graph.node[0]", p.path());
        assertTrue(p.message().startsWith("node 'branchy' (If) has a subgraph (attribute 'then_branch')"), p.message());
    }

    @Test
    void dependsOnMissingTensorOrCycle() throws IOException {
        GraphProto.Builder dangling = GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addNode(node("Add", "sum", List.of("x", "ghost"), List.of("y")));
        Problem p = onlyProblem(load(write(dir, "dangling.onnx", model(dangling))));
        assertEquals(new Problem("graph.node[0]",
                "node 'sum' (Add) reads 'ghost', which no node, graph input or initializer provides"), p);
        GraphProto.Builder cycle = GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addNode(node("Add", "a", List.of("x", "b"), List.of("y")))
                .addNode(node("Relu", "b", List.of("y"), List.of("b")));
        assertEquals("node 'a' (Add) is on a cycle: the graph is not a DAG",
                onlyProblem(load(write(dir, "cycle.onnx", model(cycle)))).message());
    }

    @Test
    void missingExternalWeightsNameTheTensorAndNode() throws IOException {
        TensorProto external = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addDims(4).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue("weights.bin")).build();
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addInitializer(external).addNode(node("MatMul", "mm", List.of("x", "W"), List.of("y")));
        Path file = write(dir, "external.onnx", model(g));
        Problem p = onlyProblem(load(file));
        assertEquals(new Problem("graph.initializer[0]", "tensor 'W' (used by node 'mm') keeps its data in a file "
                + "SplitScope may not read: no such file 'weights.bin' in the model's folder"), p);

        Files.write(dir.resolve("weights.bin"), new byte[64]);
        Loaded<OnnxImport> loaded = load(file);
        assertTrue(loaded.isOk(), loaded.problems()::toString);
        assertEquals(64.0, loaded.value().profile().unit(1).paramBytes());
        Files.write(dir.resolve("weights.bin"), new byte[60]);
        assertEquals("tensor 'W' (used by node 'mm'): 'weights.bin' gives 60 bytes at offset 0, but a tensor of shape "
                + "[4, 4] needs 64", onlyProblem(load(file)).message());
    }

    @Test
    void externalDataOutsideTheModelsFolderIsRefusedUnread() throws IOException {
        Path outside = Files.write(dir.resolve("secret.bin"), new byte[64]);
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.createSymbolicLink(models.resolve("link.bin"), outside);
        for (String location : List.of("link.bin", "../secret.bin", "/etc/passwd", "w\u0000.bin")) {
            Problem p = onlyProblem(load(write(models, "external.onnx", model(externalWeights(location)))));
            assertEquals("graph.initializer[0]", p.path(), location);
            assertTrue(p.message().contains("may not read"), p.message());
        }
        Files.write(models.resolve("inside.bin"), new byte[64]);
        Loaded<OnnxImport> inside = load(write(models, "external.onnx", model(externalWeights("inside.bin"))));
        assertTrue(inside.isOk(), inside.problems()::toString);
    }

    @Test
    void externalDataThatIsAPipeIsRefusedWithoutBlocking() throws IOException, InterruptedException {
        Process mkfifo = new ProcessBuilder("mkfifo", dir.resolve("fifo.bin").toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        Problem p = onlyProblem(load(write(dir, "external.onnx", model(externalWeights("fifo.bin")))));
        assertTrue(p.message().contains("not a regular file"), p.message());
    }

    @Test
    void aGraphOverTheNodeLimitIsRefusedBeforeItIsAnalysed() throws IOException {
        GraphProto.Builder chain = GraphProto.newBuilder().addInput(value("t0", 1, 4));
        int nodes = ImportOptions.MAX_NODES + 1;
        for (int i = 0; i < nodes; i++) {
            chain.addNode(node("Identity", "n" + i, List.of("t" + i), List.of("t" + (i + 1))));
        }
        chain.addOutput(value("t" + nodes, 1, 4));
        Problem p = onlyProblem(load(write(dir, "chain.onnx", model(chain))));
        assertEquals(new Problem("graph.node", "the graph has 20,001 nodes, over the limit of 20,000 nodes for an import"), p);
    }

    @Test
    void anInputOverTheElementLimitIsRefusedBeforeItIsMade() throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addNode(node("Relu", "r", List.of("x"), List.of("y")));
        Path file = write(dir, "relu.onnx", model(g));
        Loaded<OnnxImport> huge = OnnxImporter.importModel(file,
                ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 500_000_000L));
        Problem p = huge.problems().stream().filter(q -> q.message().contains("elements")).findFirst().orElseThrow();
        assertTrue(p.message().contains("500,000,000 elements, over the limit of 33,554,432"), p.message());
    }

    private static GraphProto.Builder externalWeights(String location) {
        TensorProto external = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                .addDims(4).addDims(4).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
        return GraphProto.newBuilder().addInput(value("x", 1, 4)).addOutput(value("y", 1, 4))
                .addInitializer(external).addNode(node("MatMul", "mm", List.of("x", "W"), List.of("y")));
    }

    @Test
    void valueDependentShapesAreRejectedWithTheNode() throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", 2, 3)).addOutput(value("y"))
                .addNode(node("NonZero", "nz", List.of("x"), List.of("y")));
        Problem p = onlyProblem(load(write(dir, "nonzero.onnx", model(g))));
        assertEquals("graph.node[0]", p.path());
        assertEquals("'y' (written by node 'nz' (NonZero)) has a shape that depends on the input values ([2, 0] for "
                + "an input of zeros, [2, 6] for ones); SplitScope needs shapes that follow from the input shape alone",
                p.message());
    }

    @Test
    void inputShapesMustAgreeWithTheModel() throws IOException {
        GraphProto.Builder g = GraphProto.newBuilder().addInput(value("x", -1, 3)).addOutput(value("y", -1, 3))
                .addNode(node("Relu", "relu", List.of("x"), List.of("y")));
        Path file = write(dir, "relu.onnx", model(g));
        Loaded<OnnxImport> pinned = load(file);
        assertEquals(List.of(new Problem("graph.input[0]", "input 'x': symbolic dimension 'd0' pinned to 1, giving "
                + "[1, 3]; give the real size with --input-shape")), pinned.warnings());
        assertEquals(12.0, pinned.value().profile().inputBytes());

        ImportOptions batch8 = ImportOptions.of(Granularity.LAYERS).withInputShape("x", 8, 3);
        Loaded<OnnxImport> eight = OnnxImporter.importModel(file, batch8);
        assertEquals(List.of(), eight.warnings());
        assertEquals(8 * 3 * 4.0, eight.value().profile().inputBytes());
        assertEquals(24.0, eight.value().profile().unit(1).flops());

        Problem wrong = onlyProblem(OnnxImporter.importModel(file, ImportOptions.of(Granularity.LAYERS)
                .withInputShape("x", 8, 4)));
        assertEquals("input 'x': dimension 1 is 3 in the model, the shape given says 4", wrong.message());
        Problem unknown = onlyProblem(OnnxImporter.importModel(file, ImportOptions.of(Granularity.LAYERS)
                .withInputShape("image", 1, 3)));
        assertEquals("an input shape is given for 'image', but the model's inputs are: x", unknown.message());
    }

    @Test
    void aMessageWithoutAGraphIsNotAModel() throws IOException {
        // protobuf keeps unknown fields: a message that is only a producer name is not a model
        ModelProto onlyName = ModelProto.newBuilder().setIrVersion(8).setProducerNameBytes(ByteString.copyFromUtf8("x")).build();
        assertEquals("not an ONNX model: it has no graph", onlyProblem(load(write(dir, "name.onnx", onlyName))).message());
    }
}
