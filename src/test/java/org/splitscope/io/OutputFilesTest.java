package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Written files follow the umask like any new file, and a file written over keeps its permissions. */
class OutputFilesTest {
    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    }

    /** What the umask gives a new file here: the reference every writer must match. */
    private Set<PosixFilePermission> umaskPermissions() throws IOException {
        Path plain = Files.createTempDirectory(dir, "plain").resolve("plain");
        Files.createFile(plain);
        return Files.getPosixFilePermissions(plain);
    }

    @Test
    void aNewFileGetsWhatTheUmaskGivesNotTheTemporaryFilesPrivateMode() throws IOException {
        Path out = dir.resolve("report.html");
        OutputFiles.write(out, new byte[] {1, 2});
        assertArrayEquals(new byte[] {1, 2}, Files.readAllBytes(out));
        assertEquals(umaskPermissions(), Files.getPosixFilePermissions(out));
        Path scenario = dir.resolve("s.json");
        JsonFiles.writeAtomically(scenario, "{}");
        assertEquals(umaskPermissions(), Files.getPosixFilePermissions(scenario));
    }

    @Test
    void aFileWrittenOverKeepsItsPermissions() throws IOException {
        Path out = Files.writeString(dir.resolve("shared.json"), "old");
        Set<PosixFilePermission> custom = PosixFilePermissions.fromString("rw-rw----");
        Files.setPosixFilePermissions(out, custom);
        OutputFiles.write(out, new byte[] {3});
        assertEquals(custom, Files.getPosixFilePermissions(out));
        try (var left = Files.list(dir)) {
            assertEquals(1, left.filter(p -> !p.getFileName().toString().startsWith("plain")).count(),
                    "no temporary file is left");
        }
    }
}
