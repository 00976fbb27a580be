package org.splitscope.io.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One copy of ONNX Runtime's native libraries per user and version, in
 * {@code ~/.cache/splitscope/onnxruntime-<crc>}, which every process loads through the
 * {@code onnxruntime.native.path} property.
 *
 * <p>Left to itself, ONNX Runtime copies its 28 MB library into a new temporary folder in every
 * process and deletes it only on a normal JVM exit. The testbed's workers end with
 * {@code Runtime.halt} or are killed, so each left a copy behind: 79 GB of /tmp after two days of
 * testbed runs here. A folder named after the library's CRC is written once (files moved into
 * place, then a marker) and read by every later process, so processes starting at once cannot
 * see a half-written copy. Where the jar's libraries cannot be found or the folder cannot be
 * written, ONNX Runtime's own copying is left in place.
 */
final class OrtNativeLibraries {
    static final String PROPERTY = "onnxruntime.native.path";
    private static final String COMPLETE = ".complete";

    private OrtNativeLibraries() {
    }

    /** Points ONNX Runtime at the shared folder, writing it first if need be; does nothing if the property is already set. */
    static void useSharedCopy() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        sharedFolder().ifPresent(folder -> System.setProperty(PROPERTY, folder.toString()));
    }

    static Optional<Path> sharedFolder() {
        String platform = platform();
        if (platform == null) {
            return Optional.empty();
        }
        List<String> names = List.of(System.mapLibraryName("onnxruntime"), System.mapLibraryName("onnxruntime4j_jni"));
        try {
            long crc = 0;
            for (String name : names) {
                URL url = OrtNativeLibraries.class.getResource("/ai/onnxruntime/native/" + platform + "/" + name);
                if (url == null) {
                    return Optional.empty();
                }
                URLConnection c = url.openConnection();
                crc = 31 * crc + (c instanceof JarURLConnection jar ? jar.getJarEntry().getCrc() : c.getContentLengthLong());
            }
            Path folder = Path.of(System.getProperty("user.home"), ".cache", "splitscope",
                    "onnxruntime-" + platform + "-" + Long.toHexString(crc));
            if (!Files.exists(folder.resolve(COMPLETE)) || !names.stream().allMatch(n -> Files.isRegularFile(folder.resolve(n)))) {
                write(folder, platform, names);
            }
            return Optional.of(folder);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void write(Path folder, String platform, List<String> names) throws IOException {
        Files.createDirectories(folder);
        for (String name : names) {
            Path part = Files.createTempFile(folder, name, ".part");
            try (InputStream in = OrtNativeLibraries.class.getResourceAsStream("/ai/onnxruntime/native/" + platform + "/" + name)) {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(part);
            }
        }
        Files.writeString(folder.resolve(COMPLETE), "");
    }

    /** ONNX Runtime's name for this platform's folder of libraries, or {@code null} for one it does not ship. */
    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "osx" : os.startsWith("windows") ? "win" : null;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : null;
        return o == null || a == null ? null : o + "-" + a;
    }
}
