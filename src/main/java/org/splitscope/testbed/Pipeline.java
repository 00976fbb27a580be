package org.splitscope.testbed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.splitscope.io.onnx.RawTensor;

/**
 * The running testbed for one plan: one {@link WorkerProcess} per stage and one
 * {@link LinkRelay} per hop (driver to stage 1, stage k to k+1, last stage back to the driver),
 * all on the loopback interface, or, under kernel shaping, each worker in its own network namespace
 * behind a veth ({@link KernelLinks}). The driver sends requests and takes answers; a worker that dies
 * or a link that breaks turns the next wait into a {@link TestbedException} naming it, never a hang.
 * Everything it starts is stopped by {@link #close()}, and by a shutdown hook if the JVM ends first.
 */
public final class Pipeline implements AutoCloseable {
    /** An answer: the request's number, when it arrived (System.nanoTime) and the model's outputs. */
    public record Answer(long request, long arrivedNanos, List<RawTensor> outputs) {
    }

    private static final Answer CLOSED = new Answer(-1, 0, List.of());

    private final List<WorkerProcess> workers = new ArrayList<>();
    private final List<LinkRelay> relays = new ArrayList<>();
    private final BlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    private final Thread cleanup = new Thread(this::stopAll, "testbed-cleanup");
    private ServerSocket results;
    private Socket toFirst;
    private DataOutputStream sender;
    private volatile IOException receiveFailure;
    private KernelLinks network;

    private Pipeline() {
    }

    /**
     * Starts the workers of an export written to a folder and connects them.
     *
     * @param hops one shaper per hop, {@code stages + 1} of them, {@code null} for a hop within one node
     */
    public static Pipeline start(Path exportFolder, int stages, List<? extends HopShaper> hops, int mtu)
            throws TestbedException {
        return start(exportFolder, stages, hops, mtu, java.util.Collections.nCopies(stages, 1.0));
    }

    /**
     * As {@link #start(Path, int, List, int)}, each stage's worker slowed by its factor.
     *
     * @param holdSeconds per stage, how long its worker holds each request, standing for a slower node ({@link SlowDown#holdSeconds})
     */
    public static Pipeline start(Path exportFolder, int stages, List<? extends HopShaper> hops, int mtu,
                                 List<Double> holdSeconds) throws TestbedException {
        return start(exportFolder, stages, hops, mtu, holdSeconds, Shaping.IN_PROCESS);
    }

    /**
     * As {@link #start(Path, int, List, int, List)}, shaped as {@code shaping} says: under kernel
     * shaping every worker runs in its own network namespace behind a veth ({@link KernelLinks}),
     * each hop's rate is limited where its bytes leave the sender (hop 0 on the root end of worker
     * 1's veth, hop k on worker k's end) and the relays, in the driver, listen on the root ends and
     * only delay (or, with netem, just pass the bytes on).
     */
    public static Pipeline start(Path exportFolder, int stages, List<? extends HopShaper> hops, int mtu,
                                 List<Double> holdSeconds, Shaping shaping) throws TestbedException {
        if (holdSeconds.size() != stages) {
            throw new IllegalArgumentException("need " + stages + " per-stage hold times, got " + holdSeconds.size());
        }
        if (hops.size() != stages + 1) {
            throw new IllegalArgumentException("need " + (stages + 1) + " hops for " + stages + " stages, got " + hops.size());
        }
        for (int h = 0; shaping.kernel() && h < hops.size(); h++) {
            if (hops.get(h) != null && hops.get(h).links().size() > 1) {
                throw new TestbedException("hop " + (h + 1) + " of the plan crosses " + hops.get(h).links().size() + " links;"
                        + " kernel shaping shapes one link per hop (a veth between two namespaces): use the in-process shaper");
            }
        }
        Pipeline p = new Pipeline();
        Runtime.getRuntime().addShutdownHook(p.cleanup);
        try {
            boolean kernel = shaping.kernel();
            if (kernel) {
                p.network = KernelLinks.open(mtu);
            }
            for (int k = 1; k <= stages; k++) {
                p.workers.add(WorkerProcess.start(exportFolder, k, holdSeconds.get(k - 1),
                        kernel ? KernelLinks.namespaceCommand() : List.of()));
            }
            List<Integer> ports = new ArrayList<>();
            for (WorkerProcess w : p.workers) {
                ports.add(w.awaitReady());
            }
            List<KernelLinks.Veth> veths = kernel ? p.join(hops, shaping.kernelDelay()) : List.of();
            p.results = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            ports.add(p.results.getLocalPort());
            for (int h = 0; h <= stages; h++) {
                String name = (h == 0 ? "driver" : "stage " + h) + " -> " + (h == stages ? "driver" : "stage " + (h + 1));
                HopShaper hop = hops.get(h);
                if (kernel && hop != null) {
                    hop = shaping.kernelDelay() ? null : TokenBucketShaper.delayOnly(hop.links().get(0).latencySeconds());
                }
                InetAddress loopback = InetAddress.getLoopbackAddress();
                InetAddress listen = kernel && h > 0 ? veths.get(h - 1).rootAddress() : loopback;
                LinkRelay relay = new LinkRelay(name, hop, mtu, listen);
                p.relays.add(relay);
                relay.start(kernel && h < stages ? veths.get(h).workerAddress() : loopback, ports.get(h));
                if (h > 0) {
                    p.workers.get(h - 1).sendTo(listen, relay.port());
                }
            }
            Thread receiver = new Thread(p::receive, "testbed-answers");
            receiver.setDaemon(true);
            receiver.start();
            p.toFirst = new Socket(InetAddress.getLoopbackAddress(), p.relays.get(0).port());
            p.toFirst.setTcpNoDelay(true);
            p.sender = new DataOutputStream(new BufferedOutputStream(p.toFirst.getOutputStream(), 1 << 16));
            return p;
        } catch (IOException e) {
            p.close();
            throw new TestbedException("the pipeline could not be connected: " + e.getMessage(), e);
        } catch (TestbedException | RuntimeException e) {
            p.close();
            throw e;
        }
    }

    /**
     * Gives every worker (each already in its own namespace) a veth to the root namespace and
     * shapes each hop's rate, and its delay too when {@code delay}, where its bytes leave the sender.
     */
    private List<KernelLinks.Veth> join(List<? extends HopShaper> hops, boolean delay) throws TestbedException {
        List<KernelLinks.Veth> veths = new ArrayList<>();
        for (WorkerProcess w : workers) {
            if (sameNetNamespace(w.pid())) {
                throw new TestbedException("stage " + w.stage() + "'s worker (pid " + w.pid()
                        + ") is not in a network namespace of its own");
            }
            veths.add(network.attach(w.stage(), w.pid()));
        }
        for (int h = 0; h < hops.size(); h++) {
            HopShaper hop = hops.get(h);
            if (hop != null) {
                TokenBucketShaper link = hop.links().get(0);
                network.shape(veths.get(Math.max(h, 1) - 1), h > 0, link.bandwidthBps(), delay ? link.latencySeconds() : 0);
            }
        }
        return veths;
    }

    private static boolean sameNetNamespace(long pid) throws TestbedException {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "net"))
                    .equals(Files.readSymbolicLink(Path.of("/proc/self/ns/net")));
        } catch (IOException e) {
            throw new TestbedException("the network namespace of worker pid " + pid + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The start of the names of this pipeline's veths in the root namespace; {@code null} without kernel shaping. */
    String kernelDevicePrefix() {
        return network == null ? null : network.devicePrefix();
    }

    /** The workers' process ids, stage by stage. */
    public List<Long> workerPids() {
        return workers.stream().map(WorkerProcess::pid).toList();
    }

    /** Sends one request to stage 1. */
    public void send(long request, List<RawTensor> inputs) throws TestbedException {
        try {
            new Frame(request, inputs).write(sender);
        } catch (IOException e) {
            throw failed("sending request " + request + " failed: " + e.getMessage());
        }
    }

    /**
     * The next answer, waiting at most {@code timeoutSeconds}; fails as soon as a worker has exited,
     * a link has broken or {@code cancelled} says so.
     */
    public Answer await(double timeoutSeconds, BooleanSupplier cancelled) throws TestbedException {
        long deadline = System.nanoTime() + Math.round(timeoutSeconds * 1e9);
        while (true) {
            // asked before every answer: while answers keep coming, a wait never comes up empty to notice it
            if (cancelled.getAsBoolean()) {
                throw new TestbedException("cancelled");
            }
            Answer a;
            try {
                a = answers.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestbedException("interrupted while waiting for an answer");
            }
            if (a != null && a != CLOSED) {
                return a;
            }
            if (a == CLOSED || System.nanoTime() > deadline) {
                throw failed(a == CLOSED ? "the last stage closed its connection" : "no answer within " + timeoutSeconds + " s");
            }
            for (WorkerProcess w : workers) {
                if (!w.isAlive()) {
                    throw new TestbedException(w.failure("exited during the run"));
                }
            }
        }
    }

    /** The most telling reason: a dead worker first, then a broken link, else {@code what}. */
    private TestbedException failed(String what) {
        for (WorkerProcess w : workers) {
            if (!w.isAlive()) {
                return new TestbedException(w.failure("exited during the run"));
            }
        }
        for (LinkRelay r : relays) {
            if (r.failure() != null) {
                return new TestbedException(what + " (" + r.failure().getMessage() + ")");
            }
        }
        return new TestbedException(receiveFailure == null ? what : what + " (" + receiveFailure.getMessage() + ")");
    }

    private void receive() {
        try (Socket in = results.accept()) {
            in.setTcpNoDelay(true);
            DataInputStream input = new DataInputStream(new BufferedInputStream(in.getInputStream(), 1 << 16));
            Frame f;
            while ((f = Frame.read(input)) != null) {
                answers.add(new Answer(f.request(), System.nanoTime(), f.tensors()));
            }
        } catch (IOException e) {
            receiveFailure = e;
        } finally {
            answers.add(CLOSED);
        }
    }

    private void stopAll() {
        for (WorkerProcess w : workers) {
            w.close();
        }
        relays.forEach(LinkRelay::close);
        try {
            if (toFirst != null) {
                toFirst.close();
            }
            if (results != null) {
                results.close();
            }
        } catch (IOException e) {
            // closing: nothing left to tell
        }
        if (network != null) {
            network.close();
        }
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs (or ran) stopAll anyway
        }
    }
}
