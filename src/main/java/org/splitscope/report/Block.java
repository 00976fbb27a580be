package org.splitscope.report;

import java.util.List;

/**
 * One piece of a report's content, independent of the output format: the HTML and PDF renderers
 * draw the same blocks, so that both show the same figures. Every text is bounded
 * ({@link ReportText}).
 */
public sealed interface Block {
    /** A section title (level 1) or a sub-title (level 2). */
    record Heading(int level, String text) implements Block {
        public Heading {
            text = ReportText.bounded(text);
        }
    }

    record Paragraph(String text) implements Block {
        public Paragraph {
            text = ReportText.bounded(text);
        }
    }

    /** Label-value lines, e.g. "Mean latency: 12.345 ms". */
    record Facts(List<String[]> rows) implements Block {
        public Facts {
            rows = rows.stream().map(r -> java.util.Arrays.stream(r).map(ReportText::bounded).toArray(String[]::new)).toList();
        }
    }

    record Bullets(List<String> items) implements Block {
        public Bullets {
            items = items.stream().map(ReportText::bounded).toList();
        }
    }

    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            header = header.stream().map(ReportText::bounded).toList();
            rows = rows.stream().map(r -> r.stream().map(ReportText::bounded).toList()).toList();
        }
    }

    /** A vector figure of the given size in points (1/72 inch; CSS pixels in HTML). */
    record Figure(String id, String caption, Drawing drawing, int width, int height) implements Block {
        public Figure {
            caption = ReportText.bounded(caption);
        }
    }
}
