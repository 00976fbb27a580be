package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.splitscope.ui.model.Quantity.Unit;

/** Reading what a person types into a numeric field: every text is the number typed, or refused with a reason. */
class QuantityTest {
    private static final Quantity BANDWIDTH = Quantity.above("Bandwidth (Mb/s)", Unit.MEGABITS_PER_SECOND, 0, Double.MAX_VALUE);
    private static final Quantity COMPUTE = Quantity.above("Compute (GFLOP/s)", Unit.GFLOPS, 0, Double.MAX_VALUE);
    private static final Quantity LATENCY = Quantity.of("Latency (ms)", Unit.MILLISECONDS, 0, Double.MAX_VALUE);
    private static final Quantity MEMORY = Quantity.of("Memory (GB)", Unit.GIGABYTES, 0, Double.MAX_VALUE);
    private static final Quantity CONCURRENCY = Quantity.of("Concurrency", Unit.NONE, 1, 10_000).wholeNumbers();

    private static Quantity field(String name) {
        return switch (name) {
            case "bandwidth" -> BANDWIDTH;
            case "compute" -> COMPUTE;
            case "latency" -> LATENCY;
            case "memory" -> MEMORY;
            default -> CONCURRENCY;
        };
    }

    @ParameterizedTest(name = "{0} reads ''{1}'' as {2}")
    @CsvSource(delimiter = '|', value = {
        "bandwidth | 100         | 100",
        "bandwidth | 100 Mb/s    | 100",
        "bandwidth | 100Mb/s     | 100",
        "bandwidth | 1 Gb/s      | 1000",
        "bandwidth | 1e3         | 1000",
        "bandwidth | 1E3         | 1000",
        "bandwidth | 2.5e-1      | 0.25",
        "bandwidth | '  7.5  '   | 7.5",
        "bandwidth | +3          | 3",
        "bandwidth | .5          | 0.5",
        "bandwidth | 500 kb/s    | 0.5",
        "compute   | 1e3         | 1000",
        "compute   | 1.5 GFLOP/s | 1.5",
        "compute   | 2 TFLOP/s   | 2000",
        "latency   | 20 ms       | 20",
        "latency   | 0.02 s      | 20",
        "latency   | 0           | 0",
        "memory    | 4 GB        | 4",
        "memory    | 512 MB      | 0.512",
        "concurrency | 4         | 4",
        "concurrency | 4.0       | 4",
        "concurrency | 1e1       | 10",
    })
    void readsTheNumberTyped(String field, String text, double expected) {
        Quantity.Reading r = field(field).read(text);
        assertNull(r.error(), () -> text + ": " + r.error());
        assertEquals(expected, r.value(), Math.ulp(expected) * 4);
    }

    @ParameterizedTest(name = "{0} refuses ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "bandwidth | -5       | out of range",
        "bandwidth | 0        | greater than 0",
        "bandwidth | 2,5      | comma",
        "bandwidth | 1,000    | comma",
        "bandwidth | 1e3x     | not a unit",
        "bandwidth | 100 MB/s | Mb/s, b/s",
        "bandwidth | abc      | not a number",
        "bandwidth | ''       | enter a number",
        "bandwidth | NaN      | not a number",
        "bandwidth | Infinity | not a number",
        "bandwidth | 1e999    | too large",
        "bandwidth | 1..2     | not a unit",
        "bandwidth | 5 parsecs | not a unit",
        "compute   | 13 ms    | not a unit",
        "latency   | -1 ms    | at least 0",
        "memory    | 4 Gb/s   | not a unit",
        "concurrency | 2.5    | whole number",
        "concurrency | 0      | at least 1",
        "concurrency | 1e5    | at most 10000",
    })
    void refusesWhatItCannotReadNamingTheFieldAndTheRange(String field, String text, String why) {
        Quantity.Reading r = field(field).read(text);
        assertNull(r.value());
        assertTrue(r.error().startsWith(field(field).field() + ": "), r.error());
        assertTrue(r.error().contains(why), r.error());
    }

    @ParameterizedTest
    @CsvSource({"100, 100", "0.1, 0.1", "1000000, 1000000", "0.000015, 1.5e-5", "2.5e20, 2.5e20", "0, 0",
        "0.30000000000000004, 0.3"})
    void formatsAsAPersonWouldType(double v, String text) {
        assertEquals(text, Quantity.format(v));
    }

    @Property
    void whatItShowsReadsBackAsTheSameNumber(@ForAll @DoubleRange(min = 1, max = 10) double mantissa,
                                             @ForAll @IntRange(min = -300, max = 300) int exponent) {
        double v = mantissa * Math.pow(10, exponent);
        double back = BANDWIDTH.read(Quantity.format(v)).value();
        assertEquals(v, back, Math.abs(v) * 1e-11);
    }

    @ParameterizedTest
    @CsvSource({"'', ", "' ', "})
    void anOptionalFieldReadsEmptyAsNone(String text, Double none) {
        Quantity.Reading r = LATENCY.orNone().read(text);
        assertTrue(r.ok());
        assertEquals(none, r.value());
    }
}
