package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.splitscope.io.onnx.OnnxModels.model;
import static org.splitscope.io.onnx.OnnxModels.node;
import static org.splitscope.io.onnx.OnnxModels.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.splitscope.io.Json;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.OnnxModels;
import org.splitscope.io.onnx.proto.Onnx.GraphProto;
import org.splitscope.io.onnx.proto.Onnx.StringStringEntryProto;
import org.splitscope.io.onnx.proto.Onnx.TensorProto;

/**
 * Every hostile input of the corpus (src/test/resources/hostile, and those made here that cannot
 * be committed: pipes, devices, links, files over the limits) through every command that reads
 * its kind, in process: each is refused with the documented exit code, at once, in words.
 */
class HostileCorpusTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    /** A library's class, a stack trace or the content of a file the input only named. */
    private static final Pattern LEAK = Pattern.compile("Exception|internal error|com\\.fasterxml|org\\.apache"
            + "|com\\.google|StreamReadConstraints|\\bat org\\.|root:x:0|VmRSS|daemon:x");

    @TempDir
    static Path made;

    record Case(String kind, Path input, List<String> extra) {
        @Override
        public String toString() {
            return kind + " " + input.getFileName() + (extra.isEmpty() ? "" : " " + extra);
        }
    }

    @BeforeAll
    static void makeWhatCannotBeCommitted() throws IOException, InterruptedException {
        Files.createDirectories(made.resolve("out"));
        boolean fifos = new ProcessBuilder("mkfifo", made.resolve("fifo").toString()).start().waitFor() == 0;
        if (fifos) {
            for (String name : List.of("fifo.json", "fifo.csv", "fifo.onnx", "profile-fifo.json")) {
                Files.createSymbolicLink(made.resolve(name), made.resolve("fifo"));
            }
        }
        String teaching = Files.readString(Path.of("sample-scenarios", "teaching.json"));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(teaching);
        tree.remove("profile");
        Files.createSymbolicLink(made.resolve("outside.json"), Path.of("/etc/passwd"));
        tree.put("profileFile", "outside.json");
        Files.writeString(made.resolve("link-outside.json"), Json.mapper().writeValueAsString(tree));
        tree.put("profileFile", "profile-fifo.json");
        Files.writeString(made.resolve("profile-is-fifo.json"), Json.mapper().writeValueAsString(tree));
        tree.put("profileFile", "out");
        Files.writeString(made.resolve("profile-is-folder.json"), Json.mapper().writeValueAsString(tree));
        Files.writeString(made.resolve("units-over-limit.json"), "{\"formatVersion\": 1, \"name\": \"x\", \"profile\": "
                + "{\"name\": \"p\", \"inputBytes\": 1, \"units\": ["
                + "{\"name\": \"u\", \"flops\": 1, \"paramBytes\": 0, \"cutBytes\": 1},".repeat(Json.MAX_LIST_ENTRIES)
                + "{\"name\": \"u\", \"flops\": 1, \"paramBytes\": 0, \"cutBytes\": 1}]}}");
        Files.writeString(made.resolve("lines-over-limit.csv"), "name,flops,paramBytes,cutBytes\n" + "\n".repeat(1_000_001));
        Files.writeString(made.resolve("rows-over-limit.csv"), "name,flops,paramBytes,cutBytes\n" + "u,1,1,1\n".repeat(200_001));
        GraphProto.Builder chain = GraphProto.newBuilder().addInput(value("t0", 1, 4));
        for (int i = 0; i < ImportOptions.MAX_NODES + 1; i++) {
            chain.addNode(node("Identity", "n" + i, List.of("t" + i), List.of("t" + (i + 1))));
        }
        OnnxModels.write(made, "chain-over-limit.onnx", model(chain.addOutput(value("t" + (ImportOptions.MAX_NODES + 1), 1, 4))));
        OnnxModels.write(made, "huge-input.onnx", model(GraphProto.newBuilder().addInput(value("x", 1, -1))
                .addOutput(value("y", 1, -1)).addNode(node("Relu", "r", List.of("x"), List.of("y")))));
        Files.createSymbolicLink(made.resolve("weights-link.bin"), Path.of("/etc/passwd"));
        for (String location : List.of("weights-link.bin", "../../../../../../etc/passwd", "w\u0000.bin", "fifo")) {
            TensorProto w = TensorProto.newBuilder().setName("W").setDataType(TensorProto.DataType.FLOAT_VALUE)
                    .addDims(4).addDims(4).setDataLocation(TensorProto.DataLocation.EXTERNAL)
                    .addExternalData(StringStringEntryProto.newBuilder().setKey("location").setValue(location)).build();
            OnnxModels.write(made, "external-" + Math.abs(location.hashCode()) + ".onnx", model(GraphProto.newBuilder()
                    .addInput(value("x", 1, 4)).addOutput(value("y", 1, 4)).addInitializer(w)
                    .addNode(node("MatMul", "mm", List.of("x", "W"), List.of("y")))));
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> all = new ArrayList<>();
        for (String kind : List.of("scenario", "profile", "csv", "onnx")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(kind))) {
                files.sorted().forEach(f -> all.add(new Case(kind, f, List.of())));
            }
        }
        for (String name : List.of("fifo.json", "link-outside.json", "profile-is-fifo.json", "profile-is-folder.json",
                "units-over-limit.json", "out")) {
            all.add(new Case("scenario", made.resolve(name), List.of()));
        }
        for (String device : List.of("/dev/zero", "/dev/urandom", "/dev/stdin")) {
            all.add(new Case("scenario", Path.of(device), List.of()));
            all.add(new Case("onnx", Path.of(device), List.of()));
        }
        all.add(new Case("profile", made.resolve("fifo.json"), List.of()));
        for (String name : List.of("fifo.csv", "lines-over-limit.csv", "rows-over-limit.csv")) {
            all.add(new Case("csv", made.resolve(name), List.of()));
        }
        try (Stream<Path> files = Files.list(made)) {
            files.filter(f -> f.getFileName().toString().startsWith("external-")).sorted()
                    .forEach(f -> all.add(new Case("onnx", f, List.of())));
        }
        all.add(new Case("onnx", made.resolve("fifo.onnx"), List.of()));
        all.add(new Case("onnx", made.resolve("chain-over-limit.onnx"), List.of()));
        all.add(new Case("onnx", made.resolve("huge-input.onnx"), List.of("--input-shape", "1,500000000")));
        return all.stream().filter(c -> !c.input().toString().startsWith("/dev/") || Files.exists(c.input()))
                .filter(c -> !c.input().getFileName().toString().contains("fifo") || Files.exists(made.resolve("fifo")));
    }

    /** The command lines that read an input of this kind. */
    private static List<List<String>> commands(Case c) {
        String in = c.input().toString();
        String out = made.resolve("out").toString();
        List<List<String>> commands = switch (c.kind()) {
            case "scenario" -> List.of(List.of("evaluate", in), List.of("validate", in), List.of("optimize", in),
                    List.of("report", in, "-o", out + "/r.pdf"));
            case "profile" -> List.of(List.of("import-csv", "--profile", in, "-o", out + "/p.json"));
            case "csv" -> List.of(List.of("import-csv", "--units", in, "--input-bytes", "1", "-o", out + "/p.json"));
            default -> List.of(List.of("import", in, "-o", out + "/p.json"), List.of("profile", in, "-o", out + "/p.json"));
        };
        return commands.stream().map(args -> {
            List<String> all = new ArrayList<>(args);
            all.addAll(c.extra());
            return List.copyOf(all);
        }).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAtOnceInWords(Case c) {
        for (List<String> args : commands(c)) {
            CommandLineTest.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CommandLineTest.run(args.toArray(String[]::new)), () -> String.join(" ", args) + " hangs");
            String said = String.join(" ", args) + " said:\n" + r.err();
            assertEquals(ExitCodes.INVALID_INPUT, r.code(), said);
            assertFalse(LEAK.matcher(r.err()).find(), said);
            assertFalse(r.err().lines().anyMatch(l -> l.length() > 1000), said);
        }
    }
}
