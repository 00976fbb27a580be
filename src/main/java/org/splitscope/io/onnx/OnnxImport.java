package org.splitscope.io.onnx;

import org.splitscope.model.ModelProfile;

/** An imported model: the profile a scenario uses, and what the import found on the way. */
public record OnnxImport(ModelProfile profile, ImportReport report) {
}
