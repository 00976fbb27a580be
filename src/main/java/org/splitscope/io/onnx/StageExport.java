package org.splitscope.io.onnx;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Json;
import org.splitscope.io.Loaded;
import org.splitscope.io.OutputFiles;
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
     * Writes {@code stage-1.onnx ..} and {@link ExportManifest#FILE_NAME} into the folder. All
     * files are first written into a hidden temporary folder beside it, which then becomes the
     * folder (one rename) or, when the folder exists, has its files moved in, the manifest last;
     * a failure on the way removes the temporary folder, so no half-written export is left.
     *
     * @throws IOException with a message in the user's words (a file in the way, a folder that
     *                     cannot be written)
     */
    public void write(Path folder) throws IOException {
        Path target = folder.toAbsolutePath().normalize();
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new IOException(target + " is a file, not a folder; name a folder (new or existing) for the stage files");
        }
        Path parent = target.getParent();
        Path tmp;
        try {
            Files.createDirectories(parent);
            tmp = Files.createDirectory(parent.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp"));
        } catch (IOException e) {
            throw new IOException("cannot create a folder in " + parent + ": " + reason(e), e);
        }
        try {
            List<String> names = new ArrayList<>();
            for (int k = 1; k <= models.size(); k++) {
                String name = manifest.stages().get(k - 1).file();
                Files.write(tmp.resolve(name), stageBytes(k));
                names.add(name);
            }
            Files.write(tmp.resolve(ExportManifest.FILE_NAME),
                    Json.mapper().writeValueAsString(manifest).getBytes(StandardCharsets.UTF_8));
            names.add(ExportManifest.FILE_NAME);
            if (!Files.exists(target)) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            for (String name : names) {
                OutputFiles.moveOver(tmp.resolve(name), target.resolve(name));
            }
        } catch (IOException e) {
            throw new IOException("cannot write the stage files into " + target + ": " + reason(e)
                    + "; nothing was left half-written", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "not allowed to write there";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? "the system gave no reason" : e.getMessage();
    }

    private static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder that cannot be removed is hidden and harmless; the export's own error matters
        }
    }

    /** Reads a manifest written by {@link #write}. */
    public static ExportManifest readManifest(Path folder) throws IOException {
        return Json.mapper().readValue(InputFiles.readOrThrow(folder.resolve(ExportManifest.FILE_NAME),
                InputFiles.MAX_TEXT_BYTES), ExportManifest.class);
    }

    /** A stage file the manifest names, which must lie in the manifest's folder (the folder rule). */
    public static Path stageFile(Path folder, String name) throws IOException {
        Loaded<Path> real = InputFiles.inFolder(folder.toAbsolutePath(), name, "the stages' folder");
        if (!real.isOk()) {
            throw new IOException(real.problems().get(0).message());
        }
        return real.value();
    }

}
