package org.splitscope.testbed;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.splitscope.io.onnx.ExportManifest;
import org.splitscope.io.onnx.RawTensor;

/**
 * Requests for a testbed: the model's inputs at their pinned shapes, float elements uniform in
 * [-1, 1) and reproducible from the seed, other types zeros (as {@code StageRunner.randomInputs}).
 */
final class RandomInputs {
    private RandomInputs() {
    }

    static List<RawTensor> of(ExportManifest manifest, long seed) {
        Random random = new Random(seed);
        List<RawTensor> inputs = new ArrayList<>();
        for (ExportManifest.Transfer t : manifest.transfers()) {
            if (t.from() != 0) {
                continue;
            }
            long[] shape = t.shape().stream().mapToLong(Long::longValue).toArray();
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            int elementBytes = switch (t.elemType()) {
                case "FLOAT", "INT32" -> 4;
                case "DOUBLE", "INT64" -> 8;
                case "INT16" -> 2;
                case "INT8", "UINT8", "BOOL" -> 1;
                default -> throw new IllegalArgumentException("input '" + t.tensor() + "' has type " + t.elemType()
                        + ", which the testbed cannot make requests of");
            };
            ByteBuffer b = ByteBuffer.allocate(Math.toIntExact(n * elementBytes)).order(ByteOrder.nativeOrder());
            if (t.elemType().equals("FLOAT")) {
                for (long i = 0; i < n; i++) {
                    b.putFloat(random.nextFloat() * 2 - 1);
                }
            }
            inputs.add(new RawTensor(t.tensor(), t.elemType(), shape, b.array()));
        }
        return inputs;
    }
}
