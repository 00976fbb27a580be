package org.splitscope.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.splitscope.bench.PortendExitsSample;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.model.Scenario;

/**
 * Rewrites {@code sample-scenarios/} from {@link SampleScenarios} (the zoo itself does no I/O):
 * {@code mvn -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=org.splitscope.zoo.RegenerateSampleScenarios}. An argument names another folder.
 * Files are written by {@link ScenarioFiles}, as the app saves them: record components only
 * (Jackson's own serializer would also write {@code Node.isServerless()}, which reading rejects)
 * and optional fields at their defaults left out.
 */
public final class RegenerateSampleScenarios {
    static final Path FOLDER = Path.of("sample-scenarios");

    private RegenerateSampleScenarios() {
    }

    public static void main(String[] args) throws IOException {
        Path folder = args.length > 0 ? Path.of(args[0]) : FOLDER;
        Files.createDirectories(folder);
        Map<String, Scenario> all = new LinkedHashMap<>(SampleScenarios.all());
        // built in test scope from the benchmark's generator
        all.put(PortendExitsSample.FILE, PortendExitsSample.scenario());
        for (Map.Entry<String, Scenario> e : all.entrySet()) {
            Path file = folder.resolve(e.getKey());
            ScenarioFiles.write(e.getValue(), file);
            System.out.println("wrote " + file + " (" + Files.size(file) + " bytes)");
        }
    }
}
