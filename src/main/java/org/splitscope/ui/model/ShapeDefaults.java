package org.splitscope.ui.model;

import java.util.List;
import java.util.Locale;

import org.splitscope.io.onnx.ModelInputs;

/**
 * What the import form prefills for a dimension the model leaves open, and why, so that the screen
 * can say where each number comes from. Only what is known is filled in: the batch (one request,
 * what the command line assumes too) and the size PaddleOCR itself feeds its text-direction
 * classifier. Everything else stays empty for the user to give, with a hint where one is known.
 */
final class ShapeDefaults {
    /** A value (0 for none) and the sentence shown beside the field ("" for none). */
    record Suggestion(long value, String note) {
    }

    /** paddle2onnx names every graph it writes so. */
    private static final String PADDLE = "Model from PaddlePaddle";
    /** PaddleOCR's cls_image_shape: every text crop is resized and padded to 3 x 48 x 192. */
    private static final List<Long> CLASSIFIER = List.of(3L, 48L, 192L);

    private ShapeDefaults() {
    }

    static Suggestion suggest(ModelInputs model, ModelInputs.Input input, int d) {
        ModelInputs.Dim dim = input.dims().get(d);
        if (dim.fixed()) {
            return new Suggestion(dim.value(), "Fixed by the model");
        }
        if (paddleOcr(model, "_cls") && imageInput(input)) {
            if (d >= 1) {
                return new Suggestion(CLASSIFIER.get(d - 1), (d == 2 ? "Height" : "Width") + " of every text crop "
                        + "PaddleOCR feeds its direction classifier (3 × 48 × 192; recognised by the file name)");
            }
        }
        if (d == 0 && input.dims().size() >= 2) {
            return new Suggestion(1, "Batch: one request at a time (the default; the command line's too)");
        }
        if (paddleOcr(model, "_det") && imageInput(input)) {
            return new Suggestion(0, "PaddleOCR's detector takes a page resized to multiples of 32, such as 640 or 960");
        }
        return new Suggestion(0, "");
    }

    private static boolean paddleOcr(ModelInputs model, String kind) {
        String file = String.valueOf(model.file().getFileName()).toLowerCase(Locale.ROOT);
        return model.graphName().startsWith(PADDLE) && file.contains(kind);
    }

    /** An N x 3 x H x W image, as PaddleOCR's models take. */
    private static boolean imageInput(ModelInputs.Input input) {
        return input.dims().size() == 4 && input.dims().get(1).value() == 3;
    }
}
