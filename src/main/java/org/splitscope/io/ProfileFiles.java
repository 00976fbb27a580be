package org.splitscope.io;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;

/**
 * Standalone model profile files: one JSON object holding {@code "formatVersion": 1} and the
 * fields of {@link ModelProfile}, exactly as they appear under {@code "profile"} in a scenario.
 * Problem paths are relative to the profile ({@code units[3].flops}).
 */
public final class ProfileFiles {
    public static final int FORMAT_VERSION = 1;
    private static final String SEMANTIC_ROOT = "profile";

    private ProfileFiles() {
    }

    public static Loaded<ModelProfile> read(Path file) {
        Loaded<ModelProfile> bound = readUnvalidated(file, InputFiles.MAX_TEXT_BYTES);
        return bound.isOk() ? validated(bound.value()) : bound;
    }

    public static Loaded<ModelProfile> read(String json) {
        Loaded<ModelProfile> bound = readUnvalidated(json);
        return bound.isOk() ? validated(bound.value()) : bound;
    }

    /**
     * The profile after the structural check and binding, without the model's own validation:
     * a scenario runs that itself, so that its plan is checked against the profile too.
     */
    static Loaded<ModelProfile> readUnvalidated(Path file, long maxBytes) {
        Loaded<String> text = JsonFiles.readText(file, maxBytes);
        return text.isOk() ? readUnvalidated(text.value()) : Loaded.failed(text.problems(), text.warnings());
    }

    static Loaded<ModelProfile> readUnvalidated(String json) {
        return JsonFiles.readVersioned(json, "profile", FORMAT_VERSION, ModelProfile.class);
    }

    /** The model validates a profile under a root name; in its own file the paths start at its fields. */
    private static Loaded<ModelProfile> validated(ModelProfile profile) {
        String prefix = SEMANTIC_ROOT + ".";
        List<Problem> problems = profile.validate(SEMANTIC_ROOT).stream()
                .map(p -> p.path().startsWith(prefix) ? new Problem(p.path().substring(prefix.length()), p.message()) : p)
                .toList();
        return problems.isEmpty() ? Loaded.ok(profile, List.of()) : Loaded.failed(problems, List.of());
    }

    public static String toJson(ModelProfile profile) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("formatVersion", FORMAT_VERSION);
        root.setAll((ObjectNode) RecordTrees.toTree(profile));
        return JsonFiles.toText(root);
    }

    public static void write(ModelProfile profile, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toJson(profile));
    }
}
