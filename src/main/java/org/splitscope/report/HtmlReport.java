package org.splitscope.report;

import java.awt.geom.Rectangle2D;
import java.util.List;

import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * A report as one self-contained XHTML file: inline CSS, every figure as inline SVG (drawn by
 * JFreeSVG, text kept as text), no scripts and no external references, so that it opens offline
 * and parses as XML. Runs in time linear in the content.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static String render(String title, List<Block> blocks, PrintPalette palette) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n")
                .append("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                .append("<title>").append(escape(title)).append("</title>\n<style>\n").append(css(palette))
                .append("</style>\n</head>\n<body>\n<h1 class=\"title\">").append(escape(title)).append("</h1>\n");
        for (Block b : blocks) {
            block(out, b);
        }
        out.append("</body>\n</html>\n");
        return out.toString();
    }

    private static void block(StringBuilder out, Block b) {
        if (b instanceof Block.Heading h) {
            String tag = h.level() == 1 ? "h2" : "h3";
            out.append('<').append(tag).append('>').append(escape(h.text())).append("</").append(tag).append(">\n");
        } else if (b instanceof Block.Paragraph p) {
            out.append("<p>").append(escape(p.text())).append("</p>\n");
        } else if (b instanceof Block.Facts f) {
            out.append("<table class=\"facts\">\n");
            for (String[] row : f.rows()) {
                out.append("<tr><th>").append(escape(row[0])).append("</th><td>").append(escape(row[1]))
                        .append("</td></tr>\n");
            }
            out.append("</table>\n");
        } else if (b instanceof Block.Bullets l) {
            out.append("<ul>\n");
            l.items().forEach(i -> out.append("<li>").append(escape(i)).append("</li>\n"));
            out.append("</ul>\n");
        } else if (b instanceof Block.Table t) {
            out.append("<table class=\"data\">\n<thead><tr>");
            t.header().forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
            out.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : t.rows()) {
                out.append("<tr>");
                row.forEach(c -> out.append("<td>").append(escape(c)).append("</td>"));
                out.append("</tr>\n");
            }
            out.append("</tbody>\n</table>\n");
        } else if (b instanceof Block.Figure f) {
            out.append("<figure id=\"").append(escape(f.id())).append("\">\n").append(svg(f))
                    .append("\n<figcaption>").append(escape(f.caption())).append("</figcaption>\n</figure>\n");
        }
    }

    /** The figure as an SVG element; the defs prefix keeps clip-path ids apart between figures. */
    static String svg(Block.Figure f) {
        SVGGraphics2D g = new SVGGraphics2D(f.width(), f.height());
        g.setDefsKeyPrefix(f.id() + "-");
        f.drawing().draw(g, new Rectangle2D.Double(0, 0, f.width(), f.height()));
        // a viewBox lets the figure scale down with the page (the stylesheet caps its width)
        return g.getSVGElement(f.id() + "-svg", true, new ViewBox(0, 0, f.width(), f.height()), null, null);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> {
                    // XML 1.0 forbids most control characters even as references
                    if (c >= 0x20 || c == '\n' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String css(PrintPalette p) {
        return "body { font-family: sans-serif; color: " + p.hex("fg") + "; background: " + p.hex("panel")
                + "; max-width: 60em; margin: 2em auto; padding: 0 1em; font-size: 14px; }\n"
                + "h1.title { font-size: 1.6em; }\n"
                + "h2 { border-bottom: 1px solid " + p.hex("border") + "; margin-top: 1.6em; }\n"
                + "table { border-collapse: collapse; margin: 0.6em 0; }\n"
                + "table.data th, table.data td { border: 1px solid " + p.hex("border")
                + "; padding: 2px 6px; text-align: left; }\n"
                + "table.data thead { background: " + p.hex("band-odd") + "; }\n"
                + "table.facts th { text-align: left; padding-right: 1em; vertical-align: top; }\n"
                + "figure { margin: 1em 0; }\nfigcaption { color: " + p.hex("muted-fg") + "; font-size: 0.9em; }\n"
                + "svg { max-width: 100%; height: auto; }\n";
    }
}
