package org.splitscope.io.measure;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.splitscope.io.InputFiles;
import org.splitscope.io.Loaded;
import org.splitscope.model.Problem;

/**
 * TensorRT {@code trtexec --exportProfile} JSON: an array whose first element may be
 * {@code {"count": N}} (the runs), then one object per engine layer with {@code name},
 * {@code timeMs} (all runs), {@code averageMs} (per run; used) and {@code percentage}. Layer
 * names are TensorRT's, with fused nodes joined by {@code " + "}; the engine's
 * {@code --exportLayerInfo} JSON (built with {@code --profilingVerbosity=detailed}) maps each
 * layer {@code Name} to the ONNX nodes in its {@code Metadata}
 * ({@code "[ONNX Layer: a]\u001f[ONNX Layer: b]"}).
 */
public final class TrtexecProfile {
    private static final String ONNX_LAYER = "[ONNX Layer: ";

    private TrtexecProfile() {
    }

    /** @param layerInfo the layer information JSON, or {@code null} */
    public static Loaded<Measurements> parse(String profileJson, String layerInfo) {
        Map<String, List<String>> nodes = new HashMap<>();
        if (layerInfo != null) {
            Loaded<Map<String, List<String>>> info = layerNodes(layerInfo);
            if (!info.isOk()) {
                return Loaded.failed(info.problems(), info.warnings());
            }
            nodes = info.value();
        }
        Loaded<JsonNode> tree = MeasureText.json(profileJson, "the trtexec profile");
        if (!tree.isOk()) {
            return Loaded.failed(tree.problems(), tree.warnings());
        }
        JsonNode root = tree.value();
        if (!root.isArray()) {
            return Loaded.failed("", "a trtexec profile is a JSON array ([{\"count\": N}, {\"name\": ..., \"averageMs\": ...}, ...])");
        }
        List<Problem> problems = new ArrayList<>();
        List<MeasuredLayer> layers = new ArrayList<>();
        String runs = "";
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String where = "entry " + (i + 1);
            if (i == 0 && e.has("count") && !e.has("name")) {
                runs = e.get("count").asText() + " runs, ";
                continue;
            }
            if (!e.isObject() || !e.path("name").isTextual() || e.path("name").asText().isBlank()) {
                problems.add(new Problem(where, "expected an object with a \"name\" and \"averageMs\""));
                continue;
            }
            String name = e.get("name").asText();
            Double ms = MeasureText.nonNegative(e.get("averageMs"));
            if (ms == null) {
                problems.add(new Problem(where, "layer " + InputFiles.quote(name)
                        + ": \"averageMs\" must be a number of milliseconds >= 0" + (e.has("averageMs") ? "" : " (missing)")));
                continue;
            }
            layers.add(new MeasuredLayer(name, where, ms / 1e3, nodes.getOrDefault(name, List.of())));
        }
        if (!problems.isEmpty()) {
            return Loaded.failed(problems, List.of());
        }
        if (layers.isEmpty()) {
            return Loaded.failed("", "the trtexec profile holds no layers");
        }
        return Loaded.ok(new Measurements(layers, "TensorRT trtexec profile (" + runs + "average per run"
                + (layerInfo == null ? "" : ", fused layers mapped through the engine's layer information") + ")"), List.of());
    }

    /** For each engine layer, the ONNX nodes it computes. */
    static Loaded<Map<String, List<String>>> layerNodes(String json) {
        Loaded<JsonNode> tree = MeasureText.json(json, "the layer information");
        if (!tree.isOk()) {
            return Loaded.failed(tree.problems(), tree.warnings());
        }
        JsonNode layers = tree.value().get("Layers");
        if (layers == null || !layers.isArray()) {
            return Loaded.failed("Layers", "the layer information has no \"Layers\" array (export it with "
                    + "trtexec --exportLayerInfo=FILE --profilingVerbosity=detailed)");
        }
        Map<String, List<String>> out = new HashMap<>();
        boolean anyMetadata = false;
        for (int i = 0; i < layers.size(); i++) {
            JsonNode l = layers.get(i);
            if (l.isTextual()) {
                continue; // built without detailed verbosity: names only, nothing to map through
            }
            if (!l.path("Name").isTextual()) {
                return Loaded.failed("Layers[" + i + "]", "a layer needs a \"Name\"");
            }
            String metadata = l.path("Metadata").asText("");
            List<String> nodes = new ArrayList<>();
            for (String part : metadata.split("\u001f")) {
                String p = part.trim();
                if (p.startsWith(ONNX_LAYER) && p.endsWith("]")) {
                    nodes.add(p.substring(ONNX_LAYER.length(), p.length() - 1));
                }
            }
            anyMetadata |= !nodes.isEmpty();
            out.put(l.get("Name").asText(), List.copyOf(nodes));
        }
        if (!anyMetadata) {
            return Loaded.failed("Layers", "no layer names its ONNX nodes (\"Metadata\": \"[ONNX Layer: ...]\"); "
                    + "build the engine with --profilingVerbosity=detailed");
        }
        return Loaded.ok(out, List.of());
    }
}
