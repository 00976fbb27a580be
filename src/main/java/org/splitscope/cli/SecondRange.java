package org.splitscope.cli;

import org.splitscope.whatif.Sweep;
import picocli.CommandLine.Option;

/** The values of a grid's second parameter, for the commands that sweep two ({@code sweep}, {@code report}). */
final class SecondRange {
    @Option(names = "--from2", description = "first value of the second parameter")
    Double from;

    @Option(names = "--to2", description = "last value of the second parameter")
    Double to;

    @Option(names = "--steps2", defaultValue = "6", description = "values of the second parameter (default ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--log2", description = "space the second parameter's values geometrically")
    boolean log;

    /** Whether both bounds were given. */
    boolean given() {
        return from != null && to != null;
    }

    /** @throws IllegalArgumentException naming what is wrong with the bounds or the count */
    double[] values() {
        return Sweep.values(from, to, steps, log);
    }
}
