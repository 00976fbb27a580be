package org.splitscope.io;

import java.io.IOException;
import java.nio.file.Path;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.splitscope.perf.Metrics;

/**
 * An evaluated plan's metrics as JSON, SI units, absent figures as explicit nulls: the same text
 * {@code evaluate --json} prints, so scripts read one format.
 */
public final class MetricsFiles {
    private MetricsFiles() {
    }

    public static String toJson(Metrics metrics) {
        try {
            return Json.mapper().copy().setSerializationInclusion(JsonInclude.Include.ALWAYS)
                    .writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("metrics are plain records and always serialize", e);
        }
    }

    /** Written atomically, like every SplitScope file. */
    public static void write(Metrics metrics, Path file) throws IOException {
        JsonFiles.writeAtomically(file, toJson(metrics) + "\n");
    }
}
