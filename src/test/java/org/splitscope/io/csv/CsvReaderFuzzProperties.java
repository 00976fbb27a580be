package org.splitscope.io.csv;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.splitscope.io.HostileText;
import org.splitscope.model.CurveCombination;

/**
 * Fuzzing the four CSV readers with mutations of the documented examples and with noise over
 * the characters that matter to CSV (quotes, commas, line ends, comment marks): every answer is
 * a {@link org.splitscope.io.Loaded} in words, never an exception or a hang.
 */
class CsvReaderFuzzProperties {
    private static final Path FORMATS = Path.of("sample-scenarios", "formats");
    private static Path folder;

    @BeforeContainer
    static void makeFolder() throws IOException {
        folder = Files.createTempDirectory("csv-fuzz");
    }

    @AfterContainer
    static void removeFolder() throws IOException {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }

    @Provide
    Arbitrary<String> csvTexts() {
        Arbitrary<String> examples = Arbitraries.of("units.csv", "ranges.csv", "exit-samples.csv", "exit-curves.csv")
                .flatMap(name -> HostileText.mutationsOf(read(FORMATS.resolve(name))));
        return Arbitraries.oneOf(examples, HostileText.noise("ab1.,\"\n\r# =-e+\t"),
                HostileText.noise("\",\n").map(s -> "name,flops,paramBytes,cutBytes\n" + s));
    }

    @Property(tries = 300)
    void everyCsvReaderAnswersInWords(@ForAll("csvTexts") String text) throws IOException {
        Path file = Files.write(folder.resolve("in.csv"), text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        HostileText.readInWords(() -> UnitsCsv.read(file));
        HostileText.readInWords(() -> RangeLatencyCsv.read(file));
        HostileText.readInWords(() -> ExitSamplesCsv.read(file));
        HostileText.readInWords(() -> ExitCurvesCsv.read(file, CurveCombination.NESTED));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
