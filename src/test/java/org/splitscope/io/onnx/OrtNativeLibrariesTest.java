package org.splitscope.io.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ONNX Runtime loads its libraries from one shared copy instead of a new copy per process. */
class OrtNativeLibrariesTest {
    @Test
    void theSharedCopyHoldsBothLibrariesAndIsWhatTheRuntimeLoads() throws Exception {
        assumeTrue(OrtNativeLibraries.platform() != null, "ONNX Runtime ships no libraries for this platform");
        OrtRuntime.environment();
        Optional<Path> folder = OrtNativeLibraries.sharedFolder();
        assertTrue(folder.isPresent(), "the jar's libraries are found and copied");
        for (String lib : new String[] {"onnxruntime", "onnxruntime4j_jni"}) {
            Path file = folder.get().resolve(System.mapLibraryName(lib));
            assertTrue(Files.size(file) > 0, file::toString);
        }
        assertEquals(folder.get().toString(), System.getProperty(OrtNativeLibraries.PROPERTY));
        assertEquals(folder, OrtNativeLibraries.sharedFolder(), "the same folder every time, not a new copy");
        // a copy someone half deleted is written again (the running process has its libraries loaded already)
        Path jni = folder.get().resolve(System.mapLibraryName("onnxruntime4j_jni"));
        long size = Files.size(jni);
        Files.delete(jni);
        assertEquals(folder, OrtNativeLibraries.sharedFolder());
        assertEquals(size, Files.size(jni));
    }

    @Test
    void platformNamesFollowTheRuntimesFolders() {
        String was = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        try {
            System.setProperty("os.name", "Linux");
            System.setProperty("os.arch", "amd64");
            assertEquals("linux-x64", OrtNativeLibraries.platform());
            System.setProperty("os.name", "Mac OS X");
            System.setProperty("os.arch", "aarch64");
            assertEquals("osx-aarch64", OrtNativeLibraries.platform());
            System.setProperty("os.arch", "sparc");
            assertEquals(null, OrtNativeLibraries.platform(), "unknown: ONNX Runtime's own copying is left alone");
        } finally {
            System.setProperty("os.name", was);
            System.setProperty("os.arch", arch);
        }
    }
}
