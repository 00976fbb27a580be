package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Assertions;
import org.splitscope.model.Problem;

/**
 * What the fuzz properties share: mutations of a valid text towards the inputs that broke
 * readers before (cut, repeated, spliced with hostile tokens), and the check that a refusal is
 * in words (no library class, no stack trace) and comes at once.
 */
public final class HostileText {
    /** A library's class or a stack trace. */
    private static final Pattern LEAK = Pattern.compile("Exception|com\\.fasterxml|org\\.apache|com\\.google"
            + "|StreamReadConstraints|java\\.[a-z]+\\.|\\bat org\\.");
    private static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "\"\"", "null", "-", "1e309",
            "-1e-320", "NaN", "Infinity", "9".repeat(500), "\u0000", "\\u0000", "\uFEFF", "\n", "\r", "#", "=HYPERLINK(\"x\")",
            "2147483647", "-0", "\"formatVersion\": 2", "\"profileFile\": \"../../etc/passwd\"", "[".repeat(100), "\\",
            "\u00e9", "\ud800", "x".repeat(300));

    private HostileText() {
    }

    private record Edit(int kind, double at, double length, String token) {
        String apply(String s) {
            int from = (int) (at * s.length());
            int to = Math.min(s.length(), from + (int) (length * 64));
            return switch (kind) {
                case 0 -> s.substring(0, from) + s.substring(to); // cut a piece out
                case 1 -> s.substring(0, from) + token + s.substring(from); // splice in a hostile token
                case 2 -> s.substring(0, from) + token + s.substring(to); // replace a piece
                case 3 -> s.substring(0, to) + s.substring(from, to) + s.substring(to); // repeat a piece
                default -> s.substring(0, from); // truncate
            };
        }
    }

    /** The text after one to eight random edits. */
    public static Arbitrary<String> mutationsOf(String valid) {
        Arbitrary<Edit> edit = Combinators.combine(Arbitraries.integers().between(0, 4),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.of(TOKENS)).as(Edit::new);
        return edit.list().ofMinSize(1).ofMaxSize(8).map(edits -> {
            String s = valid;
            for (Edit e : edits) {
                s = e.apply(s);
            }
            return s;
        });
    }

    /** Short texts over an alphabet of the characters that matter to a parser. */
    public static Arbitrary<String> noise(String alphabet) {
        return Arbitraries.strings().withChars(alphabet.toCharArray()).ofMaxLength(300);
    }

    /** Reads within a hang guard (10 s: a reader that takes that long on a few kB is stuck) and checks the words. */
    public static <T> Loaded<T> readInWords(Supplier<Loaded<T>> read) {
        Loaded<T> loaded = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), read::get);
        for (Problem p : loaded.problems()) {
            assertFalse(LEAK.matcher(p.message()).find(), p::toString);
            assertFalse(LEAK.matcher(p.path()).find(), p::toString);
        }
        return loaded;
    }
}
