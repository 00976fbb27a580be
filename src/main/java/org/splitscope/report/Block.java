package org.splitscope.report;

import java.util.List;

/**
 * One piece of a report's content, independent of the output format: the HTML and PDF renderers
 * draw the same blocks, so that both show the same figures.
 */
public sealed interface Block {
    /** A section title (level 1) or a sub-title (level 2). */
    record Heading(int level, String text) implements Block {
    }

    record Paragraph(String text) implements Block {
    }

    /** Label-value lines, e.g. "Mean latency: 12.345 ms". */
    record Facts(List<String[]> rows) implements Block {
        public Facts {
            rows = List.copyOf(rows);
        }
    }

    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = List.copyOf(items);
        }
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** A vector figure of the given size in points (1/72 inch; CSS pixels in HTML). */
    record Figure(String id, String caption, Drawing drawing, int width, int height) implements Block {
    }
}
