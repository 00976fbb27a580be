package org.splitscope.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import org.splitscope.io.OutputFiles;

/**
 * Writes a report as HTML or PDF, chosen by the file's extension ({@code .html}, {@code .htm},
 * {@code .pdf}), atomically: a temporary file beside the target, then a move over it, so that a
 * failed export never leaves half a report.
 */
public final class ReportFiles {
    public enum Format { HTML, PDF }

    private ReportFiles() {
    }

    /**
     * The format for a file name.
     *
     * @throws IllegalArgumentException naming the extension when it is neither HTML nor PDF
     */
    public static Format formatOf(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pdf")) {
            return Format.PDF;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        int dot = name.lastIndexOf('.');
        throw new IllegalArgumentException("cannot tell the report format from '" + file.getFileName() + "': "
                + (dot < 0 ? "it has no extension" : "'" + name.substring(dot) + "' is neither") + "; name the file"
                + " .pdf or .html");
    }

    public static byte[] render(Report report, Format format) throws IOException {
        PrintPalette palette = PrintPalette.light();
        var blocks = ReportContent.blocks(report, palette);
        String title = ReportText.bounded(ReportContent.title(report));
        return format == Format.PDF ? PdfReport.render(title, blocks)
                : HtmlReport.render(title, blocks, palette).getBytes(StandardCharsets.UTF_8);
    }

    public static void write(Report report, Path file) throws IOException {
        byte[] bytes = render(report, formatOf(file));
        OutputFiles.write(file, bytes);
    }
}
