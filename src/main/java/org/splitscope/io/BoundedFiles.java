package org.splitscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a whole file only when it is within a size limit, checked before reading, so a huge or
 * growing file cannot exhaust memory; every failure is a file-level {@code Problem}, never an
 * exception. Shared by the scenario, profile, CSV and ONNX readers.
 */
public final class BoundedFiles {
    private BoundedFiles() {
    }

    public static Loaded<byte[]> readBytes(Path file, long maxBytes) {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                return Loaded.failed("", file + " is a folder, not a file");
            }
            long size = Files.size(file);
            if (size > maxBytes) {
                return Loaded.failed("", file + " is " + size + " bytes, over the limit of " + maxBytes + " bytes");
            }
            try (InputStream in = Files.newInputStream(file)) {
                // the file may have grown since it was measured: never read more than the limit
                bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            }
        } catch (NoSuchFileException e) {
            return Loaded.failed("", "no such file: " + file);
        } catch (AccessDeniedException e) {
            return Loaded.failed("", "not allowed to read " + file);
        } catch (IOException e) {
            return Loaded.failed("", "cannot read " + file + ": " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            return Loaded.failed("", file + " is over the limit of " + maxBytes + " bytes");
        }
        return Loaded.ok(bytes, java.util.List.of());
    }
}
