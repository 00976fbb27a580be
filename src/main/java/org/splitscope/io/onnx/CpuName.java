package org.splitscope.io.onnx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** A device class named after this machine's CPU, usable as a key in profile files ("amd-epyc"). */
final class CpuName {
    private CpuName() {
    }

    /** @param threads the threads the times were taken with; more than one is part of the class */
    static String deviceClass(int threads) {
        return slug(modelName()) + (threads > 1 ? "-x" + threads : "");
    }

    /** The CPU's model name from /proc/cpuinfo (Linux), else the JVM's architecture name. */
    private static String modelName() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name") && line.contains(":")) {
                    return line.substring(line.indexOf(':') + 1);
                }
            }
        } catch (IOException | SecurityException e) {
            // not Linux, or not readable: the architecture still names the class
        }
        return "cpu-" + System.getProperty("os.arch", "unknown");
    }

    /** Lower case letters and digits, runs of anything else as one hyphen: keys stay plain in JSON paths. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("\\(r\\)|\\(tm\\)", "").replaceAll("[^a-z0-9]+", "-");
        s = s.replaceAll("^-|-$", "");
        return s.isEmpty() ? "cpu" : s;
    }
}
