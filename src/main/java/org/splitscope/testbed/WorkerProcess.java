package org.splitscope.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StageWorker} child JVM, started from this JVM's own class path, with its stdin held
 * open as the lifeline (closing it, or this process dying, ends the worker) and the tail of its
 * stderr kept for the message when it fails.
 */
final class WorkerProcess implements AutoCloseable {
    private static final int STDERR_TAIL_CHARS = 2000;

    private final int stage;
    private final Process process;
    private final OutputStream control;
    private final StringBuilder stderr = new StringBuilder();
    private final BufferedReader stdout;

    private WorkerProcess(int stage, Process process) {
        this.stage = stage;
        this.process = process;
        this.control = process.getOutputStream();
        this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread drain = new Thread(() -> keepTail(process.getErrorStream()), "worker-" + stage + "-stderr");
        drain.setDaemon(true);
        drain.start();
    }

    /** @param holdSeconds how long the node the worker stands for takes per request ({@link StageWorker}; 0: not slowed) */
    static WorkerProcess start(Path exportFolder, int stage, double holdSeconds) throws IOException {
        return start(exportFolder, stage, holdSeconds, List.of());
    }

    /**
     * As {@link #start(Path, int, double)}, the JVM started under {@code wrapper} (which must exec
     * it, as {@code unshare --net --} does, so that the pid is the worker's); with a wrapper the
     * worker listens on every address of its namespace instead of loopback.
     */
    static WorkerProcess start(Path exportFolder, int stage, double holdSeconds, List<String> wrapper) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // The worker's temporary files go into the export folder, which its driver deletes: a
        // worker ends by halting or is killed, so it never deletes them itself (ONNX Runtime makes
        // a folder there in every process).
        Path temporary = Files.createDirectories(exportFolder.resolve("tmp"));
        List<String> command = new ArrayList<>(wrapper);
        command.addAll(List.of(java, "-Xss16m", "-Xmx512m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + temporary.toAbsolutePath(), "-cp", System.getProperty("java.class.path"),
                StageWorker.class.getName(), exportFolder.toAbsolutePath().toString(), Integer.toString(stage),
                Double.toString(holdSeconds)));
        if (!wrapper.isEmpty()) {
            command.add(StageWorker.ANY_ADDRESS);
        }
        return new WorkerProcess(stage, new ProcessBuilder(command).start());
    }

    int stage() {
        return stage;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The port the worker listens on, once its session is loaded; blocks until then. */
    int awaitReady() throws TestbedException {
        try {
            String line;
            while ((line = stdout.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    return Integer.parseInt(line.substring(6).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new TestbedException("stage " + stage + "'s worker could not be started: " + e.getMessage(), e);
        }
        throw new TestbedException(failure("ended before it was ready"));
    }

    /** The next hop: a relay on loopback, or on the root end of the worker's veth under kernel shaping. */
    void sendTo(java.net.InetAddress host, int port) throws IOException {
        control.write(("NEXT " + host.getHostAddress() + ":" + port + "\n").getBytes(StandardCharsets.UTF_8));
        control.flush();
    }

    /** Why the worker is gone, with its exit code and the end of what it wrote to stderr. */
    String failure(String what) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String code = process.isAlive() ? "still running" : "exit code " + process.exitValue()
                + (process.exitValue() > 128 ? " (killed by signal " + (process.exitValue() - 128) + ")" : "");
        String tail;
        synchronized (stderr) {
            tail = stderr.toString().strip();
        }
        return "stage " + stage + "'s worker (pid " + process.pid() + ") " + what + ", " + code
                + (tail.isEmpty() ? "" : ": " + tail);
    }

    private void keepTail(InputStream err) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(err, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (stderr) {
                    stderr.append(line).append('\n');
                    if (stderr.length() > STDERR_TAIL_CHARS) {
                        stderr.delete(0, stderr.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
        } catch (IOException e) {
            // the worker is gone; what was read is kept
        }
    }

    /** Closes the lifeline, then terminates, then kills; returns when the process is gone. */
    @Override
    public void close() {
        try {
            control.close();
        } catch (IOException e) {
            // already closed: the worker sees the end of stdin either way
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(2, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
