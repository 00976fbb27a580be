package org.splitscope.report;

import java.awt.geom.Rectangle2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.util.Matrix;

/**
 * A report as a PDF (A4, PDFBox): text as real text in the standard Helvetica fonts, tables for
 * the metrics, and every figure drawn through PDFBox's Graphics2D into a form XObject of vector
 * paths (chart labels in the standard fonts too), never a bitmap. Blocks flow down the page and
 * a new page starts when the next line, table row or figure would not fit. Linear in the content.
 */
public final class PdfReport {
    private static final float MARGIN = 50;
    private static final float BODY = 9.5f;
    private static final float SMALL = 8f;
    /**
     * PDFBox logs a warning each time it maps a standard font to a system font for drawing;
     * the PDF names the standard font either way, so the command line should not print it.
     * (Held here: the log manager keeps loggers only weakly.)
     */
    private static final java.util.logging.Logger PDFBOX_LOG = quiet("org.apache.pdfbox");

    private final PDDocument doc = new PDDocument();
    private final PdfText regular = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    private final PdfText bold = new PdfText(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
    private final PDRectangle size = PDRectangle.A4;
    private final float width = size.getWidth() - 2 * MARGIN;
    private PDPageContentStream page;
    private float y;

    private PdfReport() {
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger log = java.util.logging.Logger.getLogger(name);
        log.setLevel(java.util.logging.Level.SEVERE);
        return log;
    }

    public static byte[] render(String title, List<Block> blocks) throws IOException {
        PdfReport r = new PdfReport();
        try (PDDocument d = r.doc) {
            d.getDocumentInformation().setTitle(title);
            d.getDocumentInformation().setCreator("SplitScope");
            r.newPage();
            r.lines(title, r.bold, 16, 0);
            r.y -= 6;
            for (Block b : blocks) {
                r.block(b);
            }
            r.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            d.save(out);
            return out.toByteArray();
        }
    }

    private void block(Block b) throws IOException {
        if (b instanceof Block.Heading h) {
            float s = h.level() == 1 ? 13 : 11;
            ensure(s * 1.4f * 2 + BODY * 3); // a heading never ends a page
            y -= h.level() == 1 ? 10 : 4;
            lines(h.text(), bold, s, 0);
            y -= 2;
        } else if (b instanceof Block.Paragraph p) {
            lines(p.text(), regular, BODY, 0);
            y -= 3;
        } else if (b instanceof Block.Facts f) {
            for (String[] row : f.rows()) {
                table(List.of(), List.of(List.of(row[0], row[1])), new float[] {110, width - 110}, false);
            }
            y -= 3;
        } else if (b instanceof Block.Bullets l) {
            for (String item : l.items()) {
                lines("- " + item, regular, SMALL, 8);
            }
            y -= 3;
        } else if (b instanceof Block.Table t) {
            table(t.header(), t.rows(), columns(t), true);
            y -= 6;
        } else if (b instanceof Block.Figure f) {
            figure(f);
        }
    }

    private void lines(String text, PdfText font, float s, float indent) throws IOException {
        for (String line : font.wrap(text, s, width - indent)) {
            ensure(s * 1.3f);
            y -= s * 1.3f;
            show(line, font, s, MARGIN + indent, y);
        }
    }

    private void show(String encodable, PdfText font, float s, float x, float atY) throws IOException {
        page.beginText();
        page.setFont(font.font(), s);
        page.newLineAtOffset(x, atY);
        page.showText(encodable);
        page.endText();
    }

    /**
     * Natural column widths; where they do not fit the page, each column gives up a share of what
     * it has beyond its longest word, so cells wrap between words and no word is split.
     */
    private float[] columns(Block.Table t) {
        int n = t.header().size();
        float[] natural = new float[n];
        float[] least = new float[n];
        for (int c = 0; c < n; c++) {
            natural[c] = bold.width(bold.encodable(t.header().get(c)), SMALL) + 8;
            least[c] = longestWord(bold, t.header().get(c));
            for (List<String> row : t.rows()) {
                natural[c] = Math.max(natural[c], regular.width(regular.encodable(row.get(c)), SMALL) + 8);
                least[c] = Math.max(least[c], longestWord(regular, row.get(c)));
            }
        }
        float naturalTotal = sum(natural);
        if (naturalTotal <= width) {
            return natural;
        }
        float leastTotal = sum(least);
        float[] w = new float[n];
        for (int c = 0; c < n; c++) {
            w[c] = leastTotal >= width ? Math.max(30, least[c] * width / leastTotal)
                    : least[c] + (natural[c] - least[c]) * (width - leastTotal) / (naturalTotal - leastTotal);
        }
        return w;
    }

    private static float longestWord(PdfText font, String text) {
        float most = 0;
        for (String word : font.encodable(text).split(" ")) {
            most = Math.max(most, font.width(word, SMALL) + 8);
        }
        return most;
    }

    private static float sum(float[] v) {
        float total = 0;
        for (float x : v) {
            total += x;
        }
        return total;
    }

    private void table(List<String> header, List<List<String>> rows, float[] w, boolean ruled) throws IOException {
        if (!header.isEmpty()) {
            ensure(SMALL * 1.35f * 3);
            row(header, w, bold, ruled);
        }
        for (List<String> r : rows) {
            if (!fits(height(r, w))) {
                newPage();
                if (!header.isEmpty()) {
                    row(header, w, bold, ruled);
                }
            }
            row(r, w, regular, ruled);
        }
    }

    private float height(List<String> cells, float[] w) {
        int most = 1;
        for (int c = 0; c < cells.size(); c++) {
            most = Math.max(most, regular.wrap(cells.get(c), SMALL, w[c] - 6).size());
        }
        return most * SMALL * 1.3f + 3;
    }

    private void row(List<String> cells, float[] w, PdfText font, boolean ruled) throws IOException {
        List<List<String>> wrapped = new ArrayList<>();
        int most = 1;
        for (int c = 0; c < cells.size(); c++) {
            List<String> l = font.wrap(cells.get(c), SMALL, w[c] - 6);
            wrapped.add(l);
            most = Math.max(most, l.size());
        }
        float h = most * SMALL * 1.3f + 3;
        float x = MARGIN;
        for (int c = 0; c < cells.size(); c++) {
            float lineY = y - SMALL * 1.1f - 1;
            for (String line : wrapped.get(c)) {
                show(line, font, SMALL, x + 3, lineY);
                lineY -= SMALL * 1.3f;
            }
            x += w[c];
        }
        y -= h;
        if (ruled) {
            page.setLineWidth(0.3f);
            page.moveTo(MARGIN, y);
            page.lineTo(x, y);
            page.stroke();
        }
    }

    private void figure(Block.Figure f) throws IOException {
        float scale = Math.min(1f, width / f.width());
        float h = f.height() * scale;
        ensure(h + SMALL * 2);
        PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, f.width(), f.height());
        g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
        f.drawing().draw(g, new Rectangle2D.Double(0, 0, f.width(), f.height()));
        g.dispose();
        PDFormXObject form = g.getXFormObject();
        y -= h;
        page.saveGraphicsState();
        Matrix at = new Matrix();
        at.translate(MARGIN, y);
        at.scale(scale, scale);
        page.transform(at);
        page.drawForm(form);
        page.restoreGraphicsState();
        lines(f.caption(), regular, SMALL, 0);
        y -= 6;
    }

    private boolean fits(float height) {
        return y - height >= MARGIN;
    }

    private void ensure(float height) throws IOException {
        if (!fits(height)) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (page != null) {
            page.close();
        }
        PDPage p = new PDPage(size);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = size.getHeight() - MARGIN;
    }
}
