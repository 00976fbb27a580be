package org.splitscope.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way SplitScope writes a file (scenario, profile, plan, metrics, report, CSV, chart,
 * exported stage): into a temporary file beside the target, then moved over it, so that a crash
 * or a full disk never leaves half a file where the old one was. A new file gets the
 * permissions the user's umask gives (as any program's new file), not the private rw-------
 * of {@link Files#createTempFile}; a file written over keeps its permissions.
 */
public final class OutputFiles {
    private OutputFiles() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        Path tmp = tempSibling(file);
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            moveOver(tmp, file);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * A new empty file beside {@code file}, hidden, created with the umask's permissions, for a
     * library that writes to a path of its own; finish with {@link #moveOver}.
     */
    public static Path tempSibling(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        for (int attempt = 0; ; attempt++) {
            Path tmp = folder.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                // no permissions asked for: the system applies the umask to rw-rw-rw-
                FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Moves a finished temporary file over the target, atomically where the file system can. */
    public static void moveOver(Path tmp, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                && tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
