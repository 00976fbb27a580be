package org.splitscope.io.csv;

import org.splitscope.model.Problem;

/**
 * Finds the first quoting error of a CSV text (a quote never closed, text after a closing quote,
 * a column without a name in the header) with the row and column it is in: the parser would stop
 * there with a message of its own, about character positions and internal state. Follows the
 * rules {@link CsvTable} parses with: RFC 4180 quotes, {@code #} comment lines, spaces around
 * cells ignored.
 */
final class CsvSyntax {
    private CsvSyntax() {
    }

    /** The first syntax problem, or {@code null} when the text parses. */
    static Problem firstProblem(String text) {
        int row = 1;
        int column = 1;
        int quoteRow = 0;
        int quoteColumn = 0;
        boolean quoted = false;
        boolean afterQuote = false;
        boolean lineStart = true;
        boolean headerSeen = false;
        boolean cellEmpty = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        i++;
                    } else {
                        quoted = false;
                        afterQuote = true;
                    }
                } else if (c == '\n') {
                    row++;
                }
                continue;
            }
            if (lineStart && c == '#') {
                int end = text.indexOf('\n', i);
                i = end < 0 ? text.length() : end;
                row++;
                continue;
            }
            lineStart = false;
            if (c == '\n' || c == '\r') {
                boolean blank = column == 1 && cellEmpty && !afterQuote;
                if (!headerSeen && !blank) {
                    if (cellEmpty && !afterQuote) {
                        return new Problem("row " + row + ", column " + column, "the header names no column here");
                    }
                    headerSeen = true;
                }
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row++;
                column = 1;
                afterQuote = false;
                cellEmpty = true;
                lineStart = true;
            } else if (c == ',') {
                if (!headerSeen && cellEmpty && !afterQuote) {
                    return new Problem("row " + row + ", column " + column, "the header names no column here");
                }
                column++;
                afterQuote = false;
                cellEmpty = true;
            } else if (afterQuote && !Character.isWhitespace(c)) {
                return new Problem("row " + row + ", column " + column,
                        "text after the closing quote; a quoted cell must end at its quote (write a quote inside it as \"\")");
            } else if (c == '"' && cellEmpty) {
                quoted = true;
                quoteRow = row;
                quoteColumn = column;
            } else if (!Character.isWhitespace(c)) {
                cellEmpty = false;
            }
        }
        if (quoted) {
            return new Problem("row " + quoteRow + ", column " + quoteColumn,
                    "a quote opened here is never closed");
        }
        if (!headerSeen && (!cellEmpty || afterQuote) && column > 1 && cellEmpty) {
            return new Problem("row " + row + ", column " + column, "the header names no column here");
        }
        return null;
    }
}
