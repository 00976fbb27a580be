package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernel's shaping on this machine: what the probe finds, the rate a tbf-shaped veth into a
 * worker's namespace delivers, and that closing leaves no device behind. Skipped where the
 * machine cannot shape in the kernel (not root, no tbf), so CI without it still passes.
 */
class KernelLinksTest {
    private static final int MTU = 1500;
    /**
     * Socket buffers that hold a whole message, so that the kernel moves it while the sending
     * or the receiving JVM waits for a core: on a loaded machine a stalled reader would otherwise
     * close the window and leave the link idle, which a rate test must not count against the link.
     */
    private static final int BUFFER_BYTES = 1 << 20;

    /** A stand-in worker: in its namespace, reads messages of args[0] bytes and answers each with one byte. */
    public static final class Sink {
        public static void main(String[] args) throws Exception {
            int bytes = Integer.parseInt(args[0]);
            Thread lifeline = new Thread(() -> {
                try {
                    System.in.transferTo(OutputStream.nullOutputStream());
                } catch (Exception e) {
                    // the end of the pipe is all that matters
                }
                Runtime.getRuntime().halt(0);
            });
            lifeline.setDaemon(true);
            lifeline.start();
            try (ServerSocket server = new ServerSocket()) {
                server.setReceiveBufferSize(BUFFER_BYTES);
                server.bind(new java.net.InetSocketAddress(0), 1);
                System.out.println("READY " + server.getLocalPort());
                System.out.flush();
                try (Socket s = server.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    OutputStream out = s.getOutputStream();
                    byte[] message = new byte[bytes];
                    while (true) {
                        in.readFully(message);
                        out.write(1);
                        out.flush();
                    }
                } catch (java.io.EOFException e) {
                    // the sender is done
                }
            }
        }
    }

    private static void assumeKernelRate() {
        KernelLinks.Probe p = KernelLinks.probe();
        Assumptions.assumeTrue(p.rateUsable(), () -> "no kernel shaping here: " + p.reason());
    }

    static List<String> rootDevices(String prefix) throws TestbedException {
        List<String> found = new ArrayList<>();
        for (String line : AdminCommands.run(List.of(AdminCommands.tool("ip"), "-o", "link", "show")).split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length > 1 && f[1].startsWith(prefix)) {
                found.add(f[1].split("@")[0]);
            }
        }
        return found;
    }

    @Test
    void theProbeSaysWhatThisKernelLacks() {
        KernelLinks.Probe p = KernelLinks.probe();
        Assumptions.assumeTrue(p.namespaces(), () -> "no namespaces here: " + p.reason());
        if (p.netem()) {
            assertEquals("", p.reason());
        } else {
            // this machine (and its CI): tbf and htb but no netem qdisc
            assertTrue(p.reason().contains("this kernel has no netem qdisc"), p.reason());
        }
        assertTrue(p == KernelLinks.probe(), "probed once");
    }

    @Test
    void aFailedCommandIsNamedWithItsStderr() {
        TestbedException e = assertThrows(TestbedException.class,
                () -> AdminCommands.run(List.of("ip", "link", "show", "ss-no-such-device")));
        assertTrue(e.getMessage().startsWith("command 'ip link show ss-no-such-device' failed with exit code 1: "), e.getMessage());
        assertTrue(e.getMessage().contains("ss-no-such-device\" does not exist"), e.getMessage());
    }

    @Test
    void aFailedSetupNamesTheCommandAndLeavesNoDevice() throws Exception {
        assumeKernelRate();
        Process gone = new ProcessBuilder(AdminCommands.tool("ip"), "-V").start();
        gone.waitFor();
        String prefix;
        try (KernelLinks links = KernelLinks.open(MTU)) {
            prefix = links.devicePrefix();
            TestbedException e = assertThrows(TestbedException.class, () -> links.attach(1, gone.pid()));
            assertTrue(e.getMessage().matches("command '\\S*ip link add " + prefix + "1 .* netns " + gone.pid()
                    + "' failed with exit code \\d+: .+"), e.getMessage());
        }
        assertTrue(rootDevices(prefix).isEmpty(), "left: " + rootDevices(prefix));
    }

    @Test
    void aShapedVethDeliversTheConfiguredRateAndCloseRemovesIt() throws Exception {
        assumeKernelRate();
        double bps = 20e6;
        int bytes = 250_000; // 0.1 s at 20 Mb/s
        int messages = 7;
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(KernelLinks.namespaceCommand());
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), Sink.class.getName(), Integer.toString(bytes)));
        Process sink = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String prefix;
        try (KernelLinks links = KernelLinks.open(MTU)) {
            prefix = links.devicePrefix();
            String ready = new BufferedReader(new InputStreamReader(sink.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertTrue(ready != null && ready.startsWith("READY "), "the sink did not start: " + ready);
            KernelLinks.Veth v = links.attach(1, sink.pid());
            assertEquals(List.of(prefix + "1"), rootDevices(prefix));
            links.shape(v, false, bps, 0);
            double[] took = new double[messages];
            try (Socket s = new Socket()) {
                s.setSendBufferSize(BUFFER_BYTES);
                s.connect(new java.net.InetSocketAddress(v.workerAddress(), Integer.parseInt(ready.substring(6))));
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                for (int m = -1; m < messages; m++) {
                    long sent = System.nanoTime();
                    out.write(new byte[bytes]);
                    out.flush();
                    assertEquals(1, in.read(), "the sink answered");
                    if (m >= 0) {
                        took[m] = (System.nanoTime() - sent) / 1e9;
                    }
                }
            }
            Arrays.sort(took);
            double measured = 8.0 * bytes / took[messages / 2];
            assertEquals(bps, measured, 0.05 * bps, "payload rate " + measured / 1e6 + " Mb/s from " + Arrays.toString(took));
            assertTrue(took[0] > 0.95 * 8 * bytes / bps, "faster than the link: " + took[0]);
        } finally {
            sink.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        assertTrue(rootDevices(prefix).isEmpty(), "close left " + rootDevices(prefix));
        assertFalse(sink.isAlive());
    }
}
