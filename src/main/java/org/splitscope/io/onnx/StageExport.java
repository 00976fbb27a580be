package org.splitscope.io.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.splitscope.io.Json;
import org.splitscope.io.onnx.proto.Onnx.ModelProto;

/** The stage files of a plan and their manifest, made by {@link StageExporter}, not yet written. */
public final class StageExport {
    record Stage(ExportManifest.StageFile file, ModelProto model) {
    }

    private final ExportManifest manifest;
    private final List<ModelProto> models;

    StageExport(ExportManifest manifest, List<ModelProto> models) {
        this.manifest = manifest;
        this.models = List.copyOf(models);
    }

    public ExportManifest manifest() {
        return manifest;
    }

    /** The ONNX bytes of stage k (1-based). */
    public byte[] stageBytes(int k) {
        return models.get(k - 1).toByteArray();
    }

    /**
     * Writes {@code stage-1.onnx ..} and {@link ExportManifest#FILE_NAME} into the folder, creating
     * it when missing. Each file is written to a temporary name and moved into place, so that a
     * failure leaves no half-written file under a final name.
     */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (int k = 1; k <= models.size(); k++) {
            writeAtomically(folder.resolve(manifest.stages().get(k - 1).file()), stageBytes(k));
        }
        writeAtomically(folder.resolve(ExportManifest.FILE_NAME),
                Json.mapper().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a manifest written by {@link #write}. */
    public static ExportManifest readManifest(Path folder) throws IOException {
        return Json.mapper().readValue(folder.resolve(ExportManifest.FILE_NAME).toFile(), ExportManifest.class);
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
