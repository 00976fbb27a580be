package org.splitscope.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Problem;
import org.splitscope.model.Scenario;

/**
 * Scenario files: one JSON object with the fields of {@link Scenario}. The model is either inline
 * ({@code "profile": {...}}) or in a profile file ({@code "profileFile": "profiles/x.json"},
 * relative to the scenario file's folder). Reading reports every problem at once, each with its
 * JSON path: first the structure (unknown, missing or mistyped fields), then, when that is sound,
 * the model's own checks ({@link Scenario#validate()}).
 */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    public static Loaded<Scenario> read(Path file) {
        return read(file, InputFiles.MAX_TEXT_BYTES);
    }

    static Loaded<Scenario> read(Path file, long maxBytes) {
        Loaded<String> text = JsonFiles.readText(file, maxBytes);
        if (!text.isOk()) {
            return Loaded.failed(text.problems(), text.warnings());
        }
        return read(text.value(), file.toAbsolutePath().getParent(), maxBytes);
    }

    /**
     * @param baseDirForReferences the folder a {@code profileFile} is relative to; {@code null}
     *                             when the text comes from no file (a reference is then a problem)
     */
    public static Loaded<Scenario> read(String json, Path baseDirForReferences) {
        return read(json, baseDirForReferences, InputFiles.MAX_TEXT_BYTES);
    }

    private static Loaded<Scenario> read(String json, Path baseDir, long maxBytes) {
        Loaded<ObjectNode> parsed = JsonFiles.parseObject(json);
        if (!parsed.isOk()) {
            return Loaded.failed(parsed.problems(), parsed.warnings());
        }
        ObjectNode root = parsed.value();
        Problem version = JsonFiles.formatVersionProblem(root, "scenario", Scenario.FORMAT_VERSION);
        if (version != null && root.path("formatVersion").isIntegralNumber()) {
            // another format version: anything said about the rest would be a guess
            return Loaded.failed(List.of(version), List.of());
        }
        List<Problem> structure = structure(root, version);
        JsonNode reference = root.get("profileFile");
        Loaded<ModelProfile> referenced = present(reference) && !present(root.get("profile")) && reference.isTextual()
                ? readReference(reference.asText(), baseDir, maxBytes) : null;
        List<Problem> warnings = referenced == null ? List.of() : referenced.warnings();
        List<Problem> problems = new ArrayList<>(structure);
        if (referenced != null) {
            problems.addAll(referenced.problems());
        }
        if (structure.isEmpty()) {
            Loaded<Scenario> bound = JsonFiles.bind(root, Scenario.class, "");
            problems.addAll(bound.problems());
            if (bound.isOk()) {
                Scenario scenario = referenced != null && referenced.isOk()
                        ? bound.value().withProfile(referenced.value()) : bound.value();
                problems.addAll(semantics(scenario, referenced));
                if (problems.isEmpty()) {
                    return Loaded.ok(scenario, warnings);
                }
            }
        }
        return Loaded.failed(problems, warnings);
    }

    private static List<Problem> structure(ObjectNode root, Problem version) {
        List<Problem> problems = new ArrayList<>();
        if (version != null) {
            problems.add(version);
        }
        problems.addAll(StructureCheck.check(root, Scenario.class, "", Set.of("formatVersion")));
        boolean inline = present(root.get("profile"));
        boolean referenced = present(root.get("profileFile"));
        if (inline && referenced) {
            problems.add(new Problem("profileFile", "give the model either inline as \"profile\" or as a"
                    + " \"profileFile\", not both"));
        } else if (!inline && !referenced) {
            problems.add(new Problem("profile", "required field is missing; give the model inline as"
                    + " \"profile\": {...} or as \"profileFile\": \"path/to/profile.json\""));
        }
        return problems;
    }

    /** The model's own checks; problems in a referenced profile name its file. */
    private static List<Problem> semantics(Scenario scenario, Loaded<ModelProfile> referenced) {
        List<Problem> problems = new ArrayList<>();
        for (Problem p : scenario.validate()) {
            if (referenced == null) {
                problems.add(p);
            } else if (p.path().startsWith("profile.")) {
                problems.add(inReferencedFile(scenario.profileFile(), p));
            } else if (referenced.isOk() || !p.path().equals("profile")) {
                // (a profile file that failed has said why; "profile is missing" would only repeat it)
                problems.add(p);
            }
        }
        return problems;
    }

    /**
     * The referenced profile, structurally checked and bound but not yet validated; its problems
     * are moved under {@code profile.} and name the file.
     */
    private static Loaded<ModelProfile> readReference(String reference, Path baseDir, long maxBytes) {
        if (reference.isBlank()) {
            return Loaded.failed("profileFile", "must not be empty");
        }
        if (baseDir == null) {
            return Loaded.failed("profileFile", "cannot find " + InputFiles.quote(reference)
                    + ": the scenario was not read from a file, so there is no folder it is relative to");
        }
        // a profile file cannot reference other files, so references cannot form a cycle
        Loaded<Path> real = InputFiles.inFolder(baseDir, reference, "the scenario's folder");
        if (!real.isOk()) {
            return Loaded.failed("profileFile", real.problems().get(0).message());
        }
        Loaded<byte[]> bytes = InputFiles.readReal(real.value(), maxBytes);
        Loaded<String> text = bytes.isOk() ? JsonFiles.decode(bytes.value()) : Loaded.failed(bytes.problems(), List.of());
        Loaded<ModelProfile> loaded = text.isOk() ? ProfileFiles.readUnvalidated(text.value())
                : Loaded.failed(text.problems(), List.of());
        if (loaded.isOk()) {
            return loaded;
        }
        List<Problem> moved = loaded.problems().stream().map(p -> p.path().isEmpty()
                ? new Problem("profileFile", InputFiles.quote(reference) + ": " + p.message())
                : inReferencedFile(reference, new Problem("profile." + p.path(), p.message()))).toList();
        return Loaded.failed(moved, List.of());
    }

    private static Problem inReferencedFile(String reference, Problem p) {
        return new Problem(p.path(), "in " + reference + ": " + p.message());
    }

    /** The scenario as JSON text; with a {@code profileFile}, the reference and not the profile. */
    public static String toJson(Scenario scenario) {
        ObjectNode tree = (ObjectNode) RecordTrees.toTree(scenario);
        if (scenario.profileFile() != null) {
            tree.remove("profile");
        }
        return JsonFiles.toText(tree);
    }

    /**
     * Writes the scenario atomically. A referenced profile is not written: save it with
     * {@link ProfileFiles#write} when it changed.
     */
    public static void write(Scenario scenario, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toJson(scenario));
    }

    private static boolean present(JsonNode node) {
        return node != null && !node.isNull();
    }
}
