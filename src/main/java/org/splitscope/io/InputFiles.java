package org.splitscope.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Locale;

/**
 * The one place that opens every input (scenario, profile, lesson, plan, CSV, ONNX model and its
 * external data, and so the window's Open and drop): regular files only, so that a pipe,
 * {@code /dev/stdin}, {@code /dev/zero} or a folder is refused before it is opened (opening a
 * pipe would block until someone writes to it); the size checked before reading and never more
 * than the limit read, so that a huge or growing file cannot exhaust memory; and files that an
 * input names (a scenario's {@code profileFile}, a tensor's external data) only inside the
 * naming file's folder after following every link. Every failure is a {@link Loaded} problem in
 * the user's words naming the file and the limit, never an exception, and never quoting a file
 * that was refused.
 *
 * <p>The kind is checked before the file is opened: Java cannot open a file non-blocking, so a
 * pipe swapped in between the check and the open (by someone racing the reader) is the one
 * case left.
 */
public final class InputFiles {
    /** JSON (scenario, profile, lesson, plan) and CSV files: larger ones are refused unread. */
    public static final long MAX_TEXT_BYTES = 64L << 20;
    /** How much of a name a message quotes. */
    private static final int QUOTED_CHARS = 80;

    private InputFiles() {
    }

    /** The whole file, when it is a regular file within {@code maxBytes}. */
    public static Loaded<byte[]> readBytes(Path file, long maxBytes) {
        return readBytes(file, maxBytes, true);
    }

    private static Loaded<byte[]> readBytes(Path file, long maxBytes, boolean followLinks) {
        String refusal = refusal(file, maxBytes, followLinks);
        if (refusal != null) {
            return Loaded.failed("", refusal);
        }
        byte[] bytes;
        try (InputStream in = followLinks ? Files.newInputStream(file)
                : Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            // the file may have grown since it was measured: never read more than the limit
            bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        } catch (IOException e) {
            return Loaded.failed("", failure(file, e));
        }
        if (bytes.length > maxBytes) {
            return Loaded.failed("", file + " grew over the limit of " + size(maxBytes) + " while it was read");
        }
        return Loaded.ok(bytes, List.of());
    }

    /**
     * Why the file cannot be read as an input (missing, a folder, not a regular file, too large),
     * or {@code null} when it can; looks at the file without opening it.
     */
    public static String refusal(Path file, long maxBytes) {
        return refusal(file, maxBytes, true);
    }

    /**
     * @param followLinks false for a path already resolved to its real path: a link that appears
     *                    there after the check is then not followed
     */
    public static String refusal(Path file, long maxBytes, boolean followLinks) {
        BasicFileAttributes a;
        try {
            a = followLinks ? Files.readAttributes(file, BasicFileAttributes.class)
                    : Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return failure(file, e);
        }
        if (a.isDirectory()) {
            return file + " is a folder, not a file";
        }
        if (!a.isRegularFile()) {
            return file + " is not a regular file (a device, pipe, socket or link); SplitScope reads only regular files";
        }
        if (a.size() > maxBytes) {
            return file + " is " + size(a.size()) + ", over the limit of " + size(maxBytes);
        }
        return null;
    }

    /**
     * The real path of a file that an input names, relative to the input's folder: it must be
     * relative, and inside {@code folder} after every link is followed. The refusal quotes the
     * reference (which the input holds) but nothing of the file it leads to.
     *
     * @param folderName how the user knows the folder ("the scenario's folder")
     */
    public static Loaded<Path> inFolder(Path folder, String reference, String folderName) {
        String quoted = quote(reference);
        if (reference.isBlank()) {
            return Loaded.failed("", "must not be empty");
        }
        if (reference.indexOf('\0') >= 0) {
            return Loaded.failed("", quoted + " holds a NUL character, which no file name may hold");
        }
        Path relative;
        try {
            relative = Path.of(reference);
        } catch (InvalidPathException e) {
            return Loaded.failed("", quoted + " is not a valid file name on this system");
        }
        if (relative.isAbsolute()) {
            return Loaded.failed("", quoted + " must be relative to " + folderName
                    + ", so that the two can be moved together; SplitScope reads no file outside it");
        }
        Path base;
        try {
            base = folder.toRealPath();
        } catch (IOException e) {
            return Loaded.failed("", "cannot find " + folderName + " (" + folder + ")");
        }
        Path named = base.resolve(relative).normalize();
        String outside = quoted + " lies outside " + folderName + "; SplitScope reads only files inside it"
                + " (after following links), so that a file someone sends you cannot make it read others";
        if (!named.startsWith(base)) {
            return Loaded.failed("", outside);
        }
        Path real;
        try {
            real = named.toRealPath();
        } catch (NoSuchFileException e) {
            return Loaded.failed("", "no such file " + quoted + " in " + folderName);
        } catch (IOException e) {
            return Loaded.failed("", "cannot read " + quoted + " in " + folderName + ": " + reason(e));
        }
        if (!real.startsWith(base)) {
            return Loaded.failed("", outside);
        }
        return Loaded.ok(real, List.of());
    }

    /**
     * The whole file for code that reports trouble by exception (running exported stages): the
     * same checks as {@link #readBytes}, the refusal as the exception's message.
     */
    public static byte[] readOrThrow(Path file, long maxBytes) throws IOException {
        Loaded<byte[]> read = readBytes(file, maxBytes);
        if (!read.isOk()) {
            throw new IOException(read.problems().get(0).message());
        }
        return read.value();
    }

    /** A file that {@link #inFolder} resolved: links are no longer followed. */
    public static Loaded<byte[]> readReal(Path real, long maxBytes) {
        return readBytes(real, maxBytes, false);
    }

    /**
     * The byte offset of the first byte that is not UTF-8, or -1 when all are. Checked through a
     * small buffer, so that a 64 MiB file is not held a third time as a char array (the text is
     * then made with {@code new String(bytes, UTF_8)}, which keeps Latin-1 text at a byte a char).
     */
    public static int firstNonUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(1 << 14);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                return in.position();
            }
            if (r.isUnderflow()) {
                return -1;
            }
            out.clear();
        }
    }

    /** A size in the unit a person reads it in. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1L << 20) {
            return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        if (bytes < 1L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }

    /** A name as a message quotes it: shortened, without control characters. */
    public static String quote(String name) {
        StringBuilder b = new StringBuilder("'");
        name.codePoints().limit(QUOTED_CHARS).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        if (name.codePointCount(0, name.length()) > QUOTED_CHARS) {
            b.append('\u2026');
        }
        return b.append('\'').toString();
    }

    private static String failure(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file: " + file;
        }
        if (e instanceof AccessDeniedException) {
            return "not allowed to read " + file;
        }
        return "cannot read " + file + ": " + reason(e);
    }

    /** The operating system's reason, without the path and class name Java adds. */
    private static String reason(IOException e) {
        String reason = e instanceof FileSystemException f ? f.getReason() : e.getMessage();
        return reason == null ? "the system gave no reason" : reason;
    }
}
