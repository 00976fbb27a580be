package org.splitscope.io.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.splitscope.io.FieldNames;
import org.splitscope.io.Loaded;
import org.splitscope.io.InputFiles;
import org.splitscope.model.Problem;

/**
 * A CSV file with a header, parsed by Apache Commons CSV (RFC 4180 quoting; blank lines and lines
 * starting with {@code #} skipped; spaces around cells ignored), and typed cell readers that
 * record every bad cell as a problem located by row and column. Rows are numbered as lines of
 * the file, so that a row number is what an editor or a spreadsheet shows. Reading continues
 * after a bad cell so that a file's problems are all reported at once, up to {@link #MAX_PROBLEMS}.
 */
final class CsvTable {
    static final int MAX_PROBLEMS = 20;
    /** The most data rows in one CSV file. */
    public static final int MAX_ROWS = 200_000;
    /** The most lines, blank and comment lines included (each costs the row numbering an int). */
    public static final int MAX_LINES = 1_000_000;
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).setCommentMarker('#').get();

    final List<String> header;
    final List<CSVRecord> rows;
    private final String text;
    /** Character offsets where lines 2, 3, ... start, to turn a record's offset into its row. */
    private final int[] lineStarts;
    private final List<Problem> problems = new ArrayList<>();
    private int dropped;

    private CsvTable(String text, List<String> header, List<CSVRecord> rows) {
        this.header = header;
        this.rows = rows;
        this.text = text;
        this.lineStarts = IntStream.range(0, text.length()).filter(i -> text.charAt(i) == '\n').map(i -> i + 1).toArray();
    }

    static Loaded<CsvTable> read(Path file) {
        Loaded<byte[]> bytes = InputFiles.readBytes(file, InputFiles.MAX_TEXT_BYTES);
        if (!bytes.isOk()) {
            return Loaded.failed(bytes.problems(), bytes.warnings());
        }
        if (InputFiles.firstNonUtf8(bytes.value()) >= 0) {
            return Loaded.failed("", file + " is not UTF-8 text");
        }
        String text = new String(bytes.value(), StandardCharsets.UTF_8);
        return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    private static Loaded<CsvTable> parse(String text) {
        long lines = text.chars().filter(c -> c == '\n').count();
        if (lines > MAX_LINES) {
            return Loaded.failed("", "the file has " + String.format("%,d", lines) + " lines, over the limit of "
                    + String.format("%,d", MAX_LINES) + " lines (blank and comment lines count too)");
        }
        Problem syntax = CsvSyntax.firstProblem(text);
        if (syntax != null) {
            return Loaded.failed(List.of(syntax), List.of());
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<String> header = parser.getHeaderNames();
            List<CSVRecord> rows = new ArrayList<>();
            for (CSVRecord r : parser) {
                if (rows.size() == MAX_ROWS) {
                    return Loaded.failed("", "the file has more than " + String.format("%,d", MAX_ROWS)
                            + " data rows, the limit for a CSV file");
                }
                rows.add(r);
            }
            if (header.isEmpty()) {
                return Loaded.failed("", "the file is empty; it needs a header row naming its columns");
            }
            Set<String> seen = new HashSet<>();
            for (String column : header) {
                if (!seen.add(column)) {
                    return Loaded.failed("row 1", "column '" + column + "' appears twice in the header");
                }
            }
            return Loaded.ok(new CsvTable(text, header, rows), List.of());
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // what CsvSyntax does not foresee: the parser's own text speaks of its internals
            return Loaded.failed("", "not valid CSV: it breaks the quoting rules (RFC 4180) somewhere");
        }
    }

    /** Reports required columns that are missing and columns that are not allowed. */
    void checkColumns(Collection<String> required, Predicate<String> allowed, Collection<String> known) {
        for (String column : required) {
            if (!header.contains(column)) {
                add(new Problem("row 1", "required column '" + column + "' is missing"));
            }
        }
        for (String column : header) {
            if (!allowed.test(column)) {
                String guess = FieldNames.closest(column, known);
                String hint = guess == null ? "" : "; did you mean '" + guess + "'?";
                add(new Problem("row 1", "unknown column '" + column + "'" + hint
                        + " Allowed: " + String.join(", ", known)));
            }
        }
    }

    /** Whether the row has one cell per column; reports it when not. */
    boolean complete(CSVRecord r) {
        if (r.size() != header.size()) {
            add(new Problem(row(r), "has " + r.size() + " cells but the header has " + header.size() + " columns"));
        }
        return r.size() == header.size();
    }

    /** A finite number; NaN after a problem. */
    double number(CSVRecord r, String column) {
        String cell = r.get(column);
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the cell
        }
        add(at(r, column, "expected a number, got " + quoted(cell)));
        return Double.NaN;
    }

    double nonNegative(CSVRecord r, String column) {
        double v = number(r, column);
        if (v < 0) {
            add(at(r, column, "must be >= 0, got " + r.get(column)));
        }
        return v;
    }

    double fraction(CSVRecord r, String column) {
        double v = number(r, column);
        if (v < 0 || v > 1) {
            add(at(r, column, "must be between 0 and 1, got " + r.get(column)));
        }
        return v;
    }

    /** A whole number of at least {@code min}; {@code min - 1} after a problem. */
    int whole(CSVRecord r, String column, int min) {
        String cell = r.get(column);
        try {
            int v = Integer.parseInt(cell);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below, with the cell
        }
        add(at(r, column, "expected a whole number >= " + min + ", got " + quoted(cell)));
        return min - 1;
    }

    /** true/false, yes/no or 1/0, in any case. */
    boolean flag(CSVRecord r, String column) {
        String cell = r.get(column).toLowerCase(Locale.ROOT);
        if (Set.of("1", "true", "yes").contains(cell)) {
            return true;
        }
        if (!Set.of("0", "false", "no").contains(cell)) {
            add(at(r, column, "expected 1/0 or true/false, got " + quoted(r.get(column))));
        }
        return false;
    }

    void add(Problem p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        } else {
            dropped++;
        }
    }

    Problem at(CSVRecord r, String column, String message) {
        return new Problem(row(r) + ", column '" + column + "'", message);
    }

    /**
     * "row N": the file line of the record's first cell. The parser reports where it started
     * reading, which is before any blank or comment lines it skipped.
     */
    String row(CSVRecord r) {
        int at = (int) r.getCharacterPosition();
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean lineStart = at == 0 || text.charAt(at - 1) == '\n';
            if (c == '#' && lineStart) {
                int end = text.indexOf('\n', at);
                at = end < 0 ? text.length() : end + 1;
            } else if (Character.isWhitespace(c)) {
                at++;
            } else {
                break;
            }
        }
        int found = Arrays.binarySearch(lineStarts, at);
        return "row " + (found >= 0 ? found + 2 : -found);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /** The problems found, the last one saying how many more were left out. */
    List<Problem> problems() {
        List<Problem> all = new ArrayList<>(problems);
        if (dropped > 0) {
            all.add(new Problem("", "... and " + dropped + " more problems"));
        }
        return all;
    }

    <T> Loaded<T> result(T value) {
        return hasProblems() ? Loaded.failed(problems(), List.of()) : Loaded.ok(value, List.of());
    }

    private static String quoted(String cell) {
        return cell.isEmpty() ? "an empty cell" : "'" + cell + "'";
    }
}
