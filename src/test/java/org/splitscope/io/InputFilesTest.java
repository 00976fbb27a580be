package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Every input is opened here: what is not a regular file within its limit is refused unread, at once. */
@Timeout(20)
class InputFilesTest {
    @TempDir
    Path dir;

    private static String refusedWith(Path file, long maxBytes) {
        Loaded<byte[]> r = InputFiles.readBytes(file, maxBytes);
        assertFalse(r.isOk(), file::toString);
        String message = r.problems().get(0).message();
        assertFalse(message.contains("Exception"), message);
        return message;
    }

    @Test
    void aRegularFileWithinTheLimitIsRead() throws IOException {
        Path f = Files.write(dir.resolve("a.json"), new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, InputFiles.readBytes(f, 3).value());
    }

    @Test
    void aFileOverTheLimitIsRefusedNamingFileAndLimit() throws IOException {
        Path f = Files.write(dir.resolve("big.csv"), new byte[3 << 20]);
        String m = refusedWith(f, 2 << 20);
        assertTrue(m.contains(f.toString()) && m.contains("3.0 MiB, over the limit of 2.0 MiB"), m);
    }

    @Test
    void devicesPipesAndFoldersAreRefusedWithoutBlocking() throws IOException, InterruptedException {
        assertTrue(refusedWith(dir, 100).contains("is a folder"));
        for (String device : new String[] {"/dev/zero", "/dev/urandom", "/dev/null"}) {
            if (Files.exists(Path.of(device))) {
                assertTrue(refusedWith(Path.of(device), 100).contains("not a regular file"), device);
            }
        }
        Path fifo = dir.resolve("fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(mkfifo.waitFor() == 0, "mkfifo is not available");
        assertTrue(refusedWith(fifo, 100).contains("not a regular file"));
        Path link = Files.createSymbolicLink(dir.resolve("stdin"), fifo);
        assertTrue(refusedWith(link, 100).contains("not a regular file"));
    }

    @Test
    void aMissingFileIsNamed() {
        assertTrue(refusedWith(dir.resolve("gone.json"), 100).startsWith("no such file: "));
    }

    @Test
    void theFolderRuleFollowsLinksBeforeDeciding() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("scenario"));
        Path inside = Files.writeString(folder.resolve("p.json"), "{}");
        Path outside = Files.writeString(dir.resolve("o.json"), "{}");
        Files.createSymbolicLink(folder.resolve("in.json"), inside);
        Files.createSymbolicLink(folder.resolve("out.json"), outside);
        assertTrue(InputFiles.inFolder(folder, "in.json", "the folder").isOk());
        assertTrue(InputFiles.inFolder(folder, "sub/../p.json", "the folder").isOk());
        for (String bad : new String[] {"out.json", "../o.json", "/etc/passwd", "a\u0000b", " "}) {
            assertFalse(InputFiles.inFolder(folder, bad, "the folder").isOk(), bad);
        }
    }

    @Test
    void namesAreQuotedShortAndWithoutControlCharacters() {
        String quoted = InputFiles.quote("x".repeat(10_000) + "\n");
        assertTrue(quoted.length() < 100, quoted);
        assertTrue(quoted.endsWith("\u2026'"));
        assertTrue(InputFiles.quote("a\u0000b").equals("'a?b'"));
    }
}
