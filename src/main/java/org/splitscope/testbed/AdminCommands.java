package org.splitscope.testbed;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The system's administration commands ({@code ip}, {@code tc}, {@code unshare}, {@code nsenter},
 * {@code sysctl}) as {@link KernelLinks} runs them: found by absolute path, run to their end, and a
 * failure turned into a {@link TestbedException} that names the command and its stderr.
 */
final class AdminCommands {
    private static final long TIMEOUT_SECONDS = 20;

    private AdminCommands() {
    }

    /** The absolute path of an administration command, looked up in PATH and the sbin folders; {@code null} if absent. */
    static String tool(String name) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        dirs.addAll(List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin"));
        for (String d : dirs) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return Path.of(d, name).toString();
            }
        }
        return null;
    }

    /**
     * Runs one command to its end and returns its standard output.
     *
     * @throws TestbedException naming the command, its exit code and its stderr when it fails
     */
    static String run(List<String> command) throws TestbedException {
        String shown = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(command).start();
            p.getOutputStream().close();
            // both streams drained aside, so that a command that hangs still meets the time limit
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()), AdminCommands::daemon);
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(p.getInputStream()), AdminCommands::daemon);
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new TestbedException("command '" + shown + "' did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new TestbedException("command '" + shown + "' failed with exit code " + p.exitValue() + ": "
                        + err.join().strip());
            }
            return out.join();
        } catch (IOException e) {
            throw new TestbedException("command '" + shown + "' could not be started: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestbedException("interrupted while running '" + shown + "'", e);
        }
    }

    /** A thread of its own per stream: a pool's threads could all be blocked on other streams. */
    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "admin-command-output");
        t.setDaemon(true);
        t.start();
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
