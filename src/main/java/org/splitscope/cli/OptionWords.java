package org.splitscope.cli;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.splitscope.io.measure.MeasurementFormat;
import org.splitscope.io.measure.NetworkFormat;
import org.splitscope.io.measure.UnmatchedLayers;
import org.splitscope.model.CurveCombination;
import org.splitscope.model.ExitCriterion;
import org.splitscope.optimize.Objective;
import org.splitscope.testbed.ShaperChoice;
import org.splitscope.zoo.Granularity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The words an enumerated option takes, in any case: the words people use, listed in {@link #TABLE}
 * (one line adds a word; a constant's first word is the one help, messages and shell completion
 * show), and every constant's own name with '-' or '_' between its parts ({@code MEAN_LATENCY},
 * {@code mean-latency}), so that a constant added to an enum is accepted without a line here.
 */
abstract class OptionWords<E extends Enum<E>> implements ITypeConverter<E>, Iterable<String> {
    private static final Map<Enum<?>, List<String>> TABLE = new LinkedHashMap<>();

    static {
        say(Objective.MEAN_LATENCY, "latency", "mean");
        say(Objective.LOADED_LATENCY, "loaded-latency", "loaded");
        say(Objective.P95_LATENCY, "p95");
        say(Objective.COST, "cost");
        say(Objective.THROUGHPUT, "throughput");
        say(Objective.ACCURACY, "accuracy");
        say(OptimizeCommand.Method.CHAIN, "chain");
        say(OptimizeCommand.Method.PIPELINE, "pipeline", "seifer");
        say(OptimizeCommand.Method.PIPELINE_COMMUNICATION, "pipeline-communication");
        say(OptimizeCommand.Method.SERVERLESS, "serverless", "mopar");
        say(Granularity.LAYERS, "layers", "layer");
        say(Granularity.BLOCKS, "blocks", "block");
        say(ShaperChoice.AUTO, "auto");
        say(ShaperChoice.KERNEL, "kernel");
        say(ShaperChoice.IN_PROCESS, "in-process");
        say(CurveCombination.INDEPENDENT, "independent");
        say(CurveCombination.NESTED, "nested");
        say(ExitCriterion.MAX_PROB, "maxProb");
        say(ExitCriterion.ENTROPY, "entropy");
    }

    private static void say(Enum<?> constant, String... words) {
        TABLE.put(constant, List.of(words));
    }

    private final Map<E, List<String>> words;

    OptionWords(Class<E> type) {
        words = new EnumMap<>(type);
        for (E c : type.getEnumConstants()) {
            List<String> w = new ArrayList<>(TABLE.getOrDefault(c, List.of()));
            w.add(c.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            words.put(c, w);
        }
    }

    /** The word shown for a constant: its first in the table, else its name as a word. */
    private String word(E constant) {
        return words.get(constant).get(0);
    }

    @Override
    public E convert(String value) {
        String typed = value.strip().replace('_', '-');
        for (Map.Entry<E, List<String>> e : words.entrySet()) {
            for (String w : e.getValue()) {
                if (w.equalsIgnoreCase(typed)) {
                    return e.getKey();
                }
            }
        }
        throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", this));
    }

    /** The shown words, in the enum's order: picocli's completion candidates. */
    @Override
    public Iterator<String> iterator() {
        return words.keySet().stream().map(this::word).iterator();
    }

    // picocli makes converters and completion candidates from a class: one per enumerated option type

    static final class Objectives extends OptionWords<Objective> {
        Objectives() {
            super(Objective.class);
        }
    }

    static final class Methods extends OptionWords<OptimizeCommand.Method> {
        Methods() {
            super(OptimizeCommand.Method.class);
        }
    }

    static final class Units extends OptionWords<Granularity> {
        Units() {
            super(Granularity.class);
        }
    }

    static final class Shapers extends OptionWords<ShaperChoice> {
        Shapers() {
            super(ShaperChoice.class);
        }
    }

    static final class Combinations extends OptionWords<CurveCombination> {
        Combinations() {
            super(CurveCombination.class);
        }
    }

    static final class Criteria extends OptionWords<ExitCriterion> {
        Criteria() {
            super(ExitCriterion.class);
        }
    }

    static final class MeasurementFormats extends OptionWords<MeasurementFormat> {
        MeasurementFormats() {
            super(MeasurementFormat.class);
        }
    }

    static final class Unmatched extends OptionWords<UnmatchedLayers> {
        Unmatched() {
            super(UnmatchedLayers.class);
        }
    }

    static final class NetworkFormats extends OptionWords<NetworkFormat> {
        NetworkFormats() {
            super(NetworkFormat.class);
        }
    }
}
