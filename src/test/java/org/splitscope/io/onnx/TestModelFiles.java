package org.splitscope.io.onnx;

import java.io.IOException;
import java.nio.file.Path;

/** Small ONNX models written to files, for tests outside this package. */
public final class TestModelFiles {
    private TestModelFiles() {
    }

    /** {@link StageExportTest#residual()}: x [N,4,8,8], units c1 r1 c2 add r2 gap rs fc (a skip from r1 to add). */
    public static Path residual(Path dir) throws IOException {
        return OnnxModels.write(dir, "residual.onnx", StageExportTest.residual());
    }

    /** The same model on side x side images, x [N,4,side,side]. */
    public static Path residual(Path dir, int side) throws IOException {
        return OnnxModels.write(dir, "residual" + side + ".onnx", StageExportTest.residual(side));
    }
}
