package org.splitscope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.splitscope.io.ProfileFiles;
import org.splitscope.zoo.Granularity;
import org.splitscope.zoo.ModelZoo;

/** {@code zoo}: the list is the zoo's, a written profile reads back as the builder's, bad names are named. */
class ZooCommandTest {
    @TempDir
    Path dir;

    @Test
    void listsEveryModel() {
        CommandLineTest.Run r = CommandLineTest.run("zoo");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        ModelZoo.all().forEach(m -> assertTrue(r.out().contains(m.id()), m.id()));
    }

    @Test
    void writesTheBuildersProfile() {
        Path out = dir.resolve("r50.json");
        CommandLineTest.Run r = CommandLineTest.run("zoo", "resnet-50", "--units", "layers", "-o", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertEquals(ModelZoo.byId("resnet-50").profile(Granularity.LAYERS), ProfileFiles.read(out).orElseThrow());
        Path withExits = dir.resolve("r50e.json");
        assertEquals(ExitCodes.OK, CommandLineTest.run("zoo", "resnet-50", "--synthetic-exits", "200", "-o", withExits.toString()).code());
        assertTrue(!ProfileFiles.read(withExits).orElseThrow().exits().isEmpty());
    }

    @Test
    void unknownModelsAndGranularitiesAreNamed() {
        CommandLineTest.Run r = CommandLineTest.run("zoo", "resnet-51");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("resnet-50"), "lists the known ids: " + r.err());
        CommandLineTest.Run g = CommandLineTest.run("zoo", "resnet-50", "--units", "atoms");
        assertEquals(ExitCodes.USAGE, g.code());
        assertTrue(g.err().contains("--units"), g.err());
    }
}
