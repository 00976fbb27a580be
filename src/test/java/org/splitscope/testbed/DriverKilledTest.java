package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.onnx.ImportOptions;
import org.splitscope.io.onnx.StageExporter;
import org.splitscope.io.onnx.TestModelFiles;
import org.splitscope.model.Plan;
import org.splitscope.model.Stage;
import org.splitscope.zoo.Granularity;

/**
 * A driver killed with SIGKILL (no shutdown hook runs) leaves no worker behind, and under kernel
 * shaping no veth either: the workers' namespaces vanish with them, and their veth pairs with those.
 */
class DriverKilledTest {
    @TempDir
    Path dir;

    /**
     * The driver of the test: starts a two-stage pipeline of the export in args[0] (with args[1]
     * {@code kernel}: kernel-shaped, every hop over a link), prints its veths' prefix and its workers' pids, waits.
     */
    public static final class Driver {
        public static void main(String[] args) throws Exception {
            boolean kernel = args.length > 1 && args[1].equals("kernel");
            TokenBucketShaper link = kernel ? new TokenBucketShaper(20e6, 0.002) : null;
            Pipeline p = Pipeline.start(Path.of(args[0]), 2, Arrays.asList(link, link, link), 1500, List.of(0.0, 0.0),
                    kernel ? Shaping.choose(ShaperChoice.KERNEL, KernelLinks.probe()) : Shaping.IN_PROCESS);
            System.out.println("DEVICES " + p.kernelDevicePrefix());
            System.out.println("PIDS " + p.workerPids().stream().map(String::valueOf).reduce((a, b) -> a + " " + b).orElseThrow());
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void workersDieWithTheirDriver() throws Exception {
        killDriverMidRun(false);
    }

    @Test
    void kernelShapedWorkersAndTheirVethsGoWithTheirDriver() throws Exception {
        KernelLinks.Probe probe = KernelLinks.probe();
        Assumptions.assumeTrue(probe.rateUsable(), () -> "no kernel shaping here: " + probe.reason());
        killDriverMidRun(true);
    }

    private void killDriverMidRun(boolean kernel) throws Exception {
        Path model = TestModelFiles.residual(dir);
        Path folder = dir.resolve("stages");
        StageExporter.export(model, ImportOptions.of(Granularity.LAYERS).withInputShape("x", 1, 4, 8, 8), null,
                new Plan(List.of(new Stage(1, 3, "a"), new Stage(4, 8, "b")))).orElseThrow().write(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process driver = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Driver.class.getName(),
                folder.toString(), kernel ? "kernel" : "loopback").redirectErrorStream(true).start();
        String devices = null;
        List<ProcessHandle> workers = new ArrayList<>();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("PIDS ")) {
                if (line.startsWith("DEVICES ")) {
                    devices = line.substring(8);
                }
                // the driver's other output (warnings) is not what this test is about
            }
            assertTrue(line != null, "the driver ended without starting its workers");
            for (String pid : line.substring(5).split(" ")) {
                workers.add(ProcessHandle.of(Long.parseLong(pid)).orElseThrow());
            }
            assertTrue(workers.size() == 2 && workers.stream().allMatch(ProcessHandle::isAlive));
            if (kernel) {
                assertEquals(2, KernelLinksTest.rootDevices(devices).size(), "one veth per worker while the driver runs");
            }
            driver.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, only the closed pipes tell the workers
            assertTrue(driver.waitFor(10, TimeUnit.SECONDS));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (workers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(workers.stream().noneMatch(ProcessHandle::isAlive), "orphaned workers: "
                    + workers.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList());
            if (kernel) {
                assertTrue(devices != null && devices.startsWith("ss"), "the driver named no veths: " + devices);
                // a namespace is torn down by the kernel shortly after its last process: wait for that
                List<String> left = KernelLinksTest.rootDevices(devices);
                while (!left.isEmpty() && System.nanoTime() < deadline + TimeUnit.SECONDS.toNanos(10)) {
                    Thread.sleep(50);
                    left = KernelLinksTest.rootDevices(devices);
                }
                assertTrue(left.isEmpty(), "veths left in the root namespace: " + left);
            }
        } finally {
            driver.destroyForcibly();
            workers.forEach(ProcessHandle::destroyForcibly);
        }
    }
}
