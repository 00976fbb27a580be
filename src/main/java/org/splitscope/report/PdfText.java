package org.splitscope.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text for the PDF's standard fonts: characters the font cannot encode (WinAnsi has no ≤, Σ or →)
 * are spelled in ASCII, so that a report never fails on a name or a formula, and lines are
 * wrapped to a width. Linear in the text's length.
 */
final class PdfText {
    private static final Map<Character, String> SPELLED = Map.ofEntries(
            Map.entry('≤', "<="), Map.entry('≥', ">="), Map.entry('Σ', "Sum "), Map.entry('→', "->"),
            Map.entry('←', "<-"), Map.entry('−', "-"), Map.entry('λ', "lambda"), Map.entry('ρ', "rho"),
            Map.entry('≈', "~"), Map.entry('▲', "^"), Map.entry('∞', "inf"), Map.entry('·', "*"),
            Map.entry('…', "..."), Map.entry('—', "-"), Map.entry('–', "-"));

    private final PDFont font;
    private final Map<Character, String> known = new HashMap<>();

    PdfText(PDFont font) {
        this.font = font;
    }

    PDFont font() {
        return font;
    }

    /** The text with every character the font cannot show replaced by its spelling (or '?'). */
    String encodable(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(known.computeIfAbsent(c, this::spell));
        }
        return out.toString();
    }

    private String spell(char c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return " ";
        }
        try {
            font.encode(String.valueOf(c));
            return String.valueOf(c);
        } catch (IllegalArgumentException | IOException e) {
            return SPELLED.getOrDefault(c, "?");
        }
    }

    float width(String encodable, float size) {
        try {
            return font.getStringWidth(encodable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text in lines no wider than {@code width}; a word wider than a line is broken. */
    List<String> wrap(String text, float size, float width) {
        String s = encodable(text);
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ", -1)) {
            String candidate = line.length() == 0 ? word : line + " " + word;
            if (width(candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
                line.setLength(0);
            }
            String rest = word;
            while (width(rest, size) > width && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), size) > width) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }
}
