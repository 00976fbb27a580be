package org.splitscope.testbed;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.stream.Collectors;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.RawTensor;
import org.splitscope.io.onnx.StageExport;
import org.splitscope.io.onnx.StageSession;

/**
 * The hidden entry point of a worker process: runs one exported stage on every frame that comes
 * in and sends the tensors later stages (or the requester) need on to the next hop.
 *
 * <p>Talks to its driver over stdin/stdout: it prints {@code READY <port>} once its session is
 * loaded and it listens on a loopback port, then reads {@code NEXT <host>:<port>}, the hop it sends to.
 * It exits as soon as its stdin closes, which the operating system does when the driver dies,
 * however it dies (SIGKILL included): a worker never outlives its driver. Any error ends the
 * process with a message on stderr and exit code 1, which the driver reports.
 *
 * <p>Usage: {@code StageWorker EXPORT_FOLDER STAGE [HOLD_SECONDS [any]]}: with HOLD_SECONDS > 0 it
 * stands for a slower node that needs that long for the stage ({@link SlowDown#holdSeconds}) and
 * keeps that node's schedule ({@link #serve}). With
 * {@code any} it listens on every address (it then runs in its own network namespace and is reached
 * over a veth, {@link KernelLinks}).
 */
public final class StageWorker {
    private static final long HOLD_SPIN_NANOS = 300_000;

    /** The last argument that makes a worker listen on every address instead of loopback. */
    static final String ANY_ADDRESS = "any";

    private StageWorker() {
    }

    public static void main(String[] args) {
        try {
            run(Path.of(args[0]), Integer.parseInt(args[1]), args.length > 2 ? Double.parseDouble(args[2]) : 0,
                    args.length > 3 && ANY_ADDRESS.equals(args[3]));
            System.exit(0);
        } catch (Exception | LinkageError e) {
            System.err.println("stage " + (args.length > 1 ? args[1] : "?") + " failed: " + e);
            System.exit(1);
        }
    }

    private static void run(Path folder, int stage, double holdSeconds, boolean anyAddress) throws Exception {
        ExportManifest manifest = StageExport.readManifest(folder);
        ExportManifest.StageFile file = manifest.stages().get(stage - 1);
        Set<String> handedOn = neededAfter(manifest, stage);
        try (StageSession session = StageSession.open(StageExport.stageFile(folder, file.file()));
             ServerSocket server = anyAddress ? new ServerSocket(0, 1) : new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            System.out.println("READY " + server.getLocalPort());
            System.out.flush();
            BufferedReader control = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String next = control.readLine();
            if (next == null) {
                return; // the driver went away before the pipeline was connected
            }
            if (!next.startsWith("NEXT ")) {
                throw new IOException("expected 'NEXT <host>:<port>' from the driver, got '" + next + "'");
            }
            Thread watchdog = new Thread(() -> exitWhenClosed(control), "driver-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            try (Socket out = connect(next.substring(5).trim());
                 Socket in = server.accept()) {
                out.setTcpNoDelay(true);
                in.setTcpNoDelay(true);
                DataInputStream input = new DataInputStream(new BufferedInputStream(in.getInputStream(), 1 << 16));
                DataOutputStream output = new DataOutputStream(new BufferedOutputStream(out.getOutputStream(), 1 << 16));
                serve(session, file.outputs(), handedOn, Math.round(holdSeconds * 1e9), input, output, stage);
            }
        }
    }

    /**
     * Runs every frame that comes in, receiving the next one and sending the last one on their
     * own threads meanwhile: a node's network interface moves bytes while its processor computes,
     * and the model counts a transfer against its link, not against the node at either end
     * (SEIFER's pipeline overlaps them likewise). Frames stay in order: one receiver, one sender,
     * each a FIFO.
     *
     * <p>A slowed stage keeps the schedule of the node it stands for, a FIFO server that takes
     * {@code hold} per request: it starts a request when the request has arrived and its last
     * one is done, {@code begin = max(arrival, free)}, and lets it go at {@code begin + hold},
     * or when this machine's run ends if that is later (then the next one starts later too).
     * Timing from the node's own schedule rather than from when this machine got round to the
     * request absorbs the hand-offs between the threads, a few hundred microseconds per request
     * on two shared cores, as long as this machine keeps up with the node.
     */
    private static void serve(StageSession session, List<String> outputs, Set<String> handedOn, long hold,
                              DataInputStream input, DataOutputStream output, int stage) throws Exception {
        BlockingQueue<Arrival> received = new ArrayBlockingQueue<>(1);
        BlockingQueue<Frame> toSend = new ArrayBlockingQueue<>(1);
        Thread receiver = daemon("stage-receiver", () -> {
            Frame f;
            while ((f = Frame.read(input)) != null) {
                received.put(new Arrival(f, System.nanoTime()));
            }
            received.put(new Arrival(END, 0));
        }, stage);
        Thread sender = daemon("stage-sender", () -> {
            Frame f;
            while ((f = toSend.take()) != END) {
                f.write(output);
            }
        }, stage);
        receiver.start();
        sender.start();
        long free = Long.MIN_VALUE;
        Arrival a;
        while ((a = received.take()).frame() != END) {
            List<RawTensor> produced = session.run(a.frame().tensors(), outputs);
            free = hold > 0 ? holdUntil(Math.max(a.at(), free) + hold) : System.nanoTime();
            List<RawTensor> sent = new ArrayList<>();
            a.frame().tensors().stream().filter(t -> handedOn.contains(t.name())).forEach(sent::add);
            produced.stream().filter(t -> handedOn.contains(t.name())).forEach(sent::add);
            toSend.put(new Frame(a.frame().request(), sent));
        }
        toSend.put(END);
        sender.join();
    }

    /** A frame and when its last byte was read. */
    private record Arrival(Frame frame, long at) {
    }

    /** Marks the end of the stream in both queues. */
    private static final Frame END = new Frame(-1, List.of());

    private interface Work {
        void run() throws Exception;
    }

    /** A thread whose failure ends the worker as a failure of the main thread would. */
    private static Thread daemon(String name, Work work, int stage) {
        Thread t = new Thread(() -> {
            try {
                work.run();
            } catch (Exception e) {
                System.err.println("stage " + stage + " failed: " + e);
                System.err.flush();
                Runtime.getRuntime().halt(1);
            }
        }, name);
        t.setDaemon(true);
        return t;
    }

    /** The next hop, {@code <host>:<port>}. */
    static Socket connect(String hop) throws IOException {
        int colon = hop.lastIndexOf(':');
        if (colon < 0) {
            throw new IOException("expected '<host>:<port>' for the next hop, got '" + hop + "'");
        }
        return new Socket(InetAddress.getByName(hop.substring(0, colon)), Integer.parseInt(hop.substring(colon + 1)));
    }

    /**
     * Sleeps until shortly before the deadline, which keeps the shared cores free for the other
     * stages, and spins the rest: a park here wakes a few hundred microseconds late, which on a
     * stage held for a few milliseconds would cost the pipeline's throughput several percent.
     *
     * @return when the node is done: the deadline, or now if this machine's run overran it
     */
    private static long holdUntil(long deadline) {
        long now = System.nanoTime();
        if (now - deadline >= 0) {
            return now;
        }
        Deadlines.parkThenSpinUntil(deadline, HOLD_SPIN_NANOS);
        return deadline;
    }

    /** What must leave stage k: tensors a later stage reads, and the model's outputs. */
    static Set<String> neededAfter(ExportManifest manifest, int stage) {
        return manifest.transfers().stream()
                .filter(t -> t.modelOutput() || t.to().stream().anyMatch(k -> k > stage))
                .map(ExportManifest.Transfer::tensor).collect(Collectors.toSet());
    }

    private static void exitWhenClosed(BufferedReader control) {
        try {
            while (control.readLine() != null) {
                // the driver sends nothing more; only the end of the stream matters
            }
        } catch (IOException e) {
            // a broken pipe means the same as its end
        }
        Runtime.getRuntime().halt(0);
    }
}
