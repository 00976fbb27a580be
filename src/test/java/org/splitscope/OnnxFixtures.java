package org.splitscope;

import java.nio.file.Path;

/**
 * The real ONNX exports the tests import, profile and split. They live in the repository's test
 * resources (see {@code src/test/resources/fixtures/onnx/NOTICE.md}) so that a bare clone passes.
 */
public final class OnnxFixtures {
    public static final Path FOLDER = Path.of("src", "test", "resources", "fixtures", "onnx");
    /** PaddleOCR's MobileNetV3-style text-direction classifier: opset 9, weights as Constant nodes. */
    public static final Path CLASSIFIER = FOLDER.resolve("ch_ppocr_mobile_v2.0_cls_infer.onnx");
    /** PaddleOCR's v4 text detector: opset 11, a DAG with skip connections, Resize and ConvTranspose. */
    public static final Path DETECTOR = FOLDER.resolve("ch_PP-OCRv4_det_infer.onnx");

    private OnnxFixtures() {
    }
}
