package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.Loaded;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.ProfileOptions;
import org.splitscope.io.onnx.RawTensor;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.model.Topology;
import org.splitscope.zoo.Granularity;

/**
 * Pipelines under kernel shaping: each worker in its own network namespace behind a veth, the
 * outputs still the whole model's, every hop still delayed by its link's latency, and nothing
 * (worker, veth) left once the pipeline is closed. Skipped where the kernel cannot shape.
 */
class KernelPipelineTest {
    private static final double LATENCY = 0.005;
    private static final Topology TWO = new Topology(List.of(new Node("d", 0, "cpu", 1e9), new Node("e", 1, "cpu", 1e9)),
            List.of(new Link("d", "e", 100e6, LATENCY)), "d", null, null);

    @TempDir
    Path dir;

    @BeforeEach
    void kernelCanShape() {
        KernelLinks.Probe p = KernelLinks.probe();
        Assumptions.assumeTrue(p.rateUsable(), () -> "no kernel shaping here: " + p.reason());
    }

    /** Every veth this JVM's pipelines have in the root namespace. */
    private static List<String> ourDevices() throws TestbedException {
        return KernelLinksTest.rootDevices(String.format(Locale.ROOT, "ss%05d", ProcessHandle.current().pid() % 100_000));
    }

    @Test
    void aTwoStagePlanUnderKernelShapingGivesTheWholeModelsOutputs() throws Exception {
        Loaded<Testbed> opened = Testbed.open(TestModelFiles.residual(dir),
                ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8), new ProfileOptions(1, 3, 1),
                d -> { }, () -> false);
        assertTrue(opened.isOk(), opened.problems()::toString);
        Testbed bed = opened.value().withShaper(ShaperChoice.KERNEL);
        PlanResult r = bed.run(null, TWO, bed.singleCuts("d", "e").get(2), new Testbed.Options(1, 3, 0, 1), d -> { }, () -> false);
        assertTrue(r.outputsMatch(), "outputs differ by " + r.maxOutputDifference());
        assertEquals(bed.shaping().description(), r.shaper());
        assertTrue(r.shaper().startsWith("kernel: tbf rate on veth pairs"), r.shaper());
        // out over the link and back: two one-way latencies, by netem or by the relays' delay line
        assertTrue(r.measured().latencies().stream().allMatch(l -> l >= 2 * LATENCY), r.measured().latencies()::toString);
        List<String> left = ourDevices();
        assertTrue(left.isEmpty(), "left behind: " + left);
    }

    @Test
    void threeWorkersEachInTheirOwnNamespaceAndNothingLeftAfterClose() throws Exception {
        Plan plan = new Plan(List.of(new Stage(1, 2, "a"), new Stage(3, 3, "b"), new Stage(4, 8, "c")));
        Path folder = dir.resolve("stages");
        StageExporter.export(TestModelFiles.residual(dir), ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8),
                null, plan).orElseThrow().write(folder);
        List<RawTensor> inputs = RandomInputs.of(StageExport.readManifest(folder), 3);
        TokenBucketShaper link = new TokenBucketShaper(50e6, 0.002);
        List<TokenBucketShaper> hops = java.util.Arrays.asList(link, link, null, link); // b -> c within one node
        Shaping shaping = Shaping.choose(ShaperChoice.KERNEL, KernelLinks.probe());
        List<ProcessHandle> workers;
        String prefix;
        try (Pipeline p = Pipeline.start(folder, 3, hops, 1500, List.of(0.0, 0.0, 0.0), shaping)) {
            prefix = p.kernelDevicePrefix();
            workers = p.workerPids().stream().map(pid -> ProcessHandle.of(pid).orElseThrow()).toList();
            assertEquals(List.of(prefix + "1", prefix + "2", prefix + "3"), KernelLinksTest.rootDevices(prefix).stream().sorted().toList());
            List<Path> namespaces = new java.util.ArrayList<>();
            for (long pid : p.workerPids()) {
                namespaces.add(java.nio.file.Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net")));
            }
            assertEquals(3, namespaces.stream().distinct().count(), namespaces::toString);
            long sent = System.nanoTime();
            p.send(1, inputs);
            Pipeline.Answer a = p.await(60, () -> false);
            assertEquals(1, a.request());
            assertTrue((a.arrivedNanos() - sent) / 1e9 >= 3 * 0.002, "three shaped hops of 2 ms each");
        }
        assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive));
        List<String> left = KernelLinksTest.rootDevices(prefix);
        assertTrue(left.isEmpty(), "left behind after close: " + left);
    }
}
