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
import java.util.concurrent.locks.LockSupport;
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
 * holds each request until that long after its run started, standing for a slower node that
 * needs that long for the stage ({@link SlowDown#holdSeconds}). With
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
        try (StageSession session = StageSession.open(folder.resolve(file.file()));
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
                Frame frame;
                long hold = Math.round(holdSeconds * 1e9);
                while ((frame = Frame.read(input)) != null) {
                    long started = System.nanoTime();
                    List<RawTensor> produced = session.run(frame.tensors(), file.outputs());
                    holdUntil(started + hold);
                    List<RawTensor> sent = new ArrayList<>();
                    frame.tensors().stream().filter(t -> handedOn.contains(t.name())).forEach(sent::add);
                    produced.stream().filter(t -> handedOn.contains(t.name())).forEach(sent::add);
                    new Frame(frame.request(), sent).write(output);
                }
            }
        }
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
     */
    private static void holdUntil(long deadline) {
        long wait;
        while ((wait = deadline - System.nanoTime()) > HOLD_SPIN_NANOS) {
            LockSupport.parkNanos(wait - HOLD_SPIN_NANOS);
        }
        while (deadline - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
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
