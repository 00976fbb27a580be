package org.splitscope.report;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.splitscope.chart.ChartPalette;

/**
 * The colours of a report: the light theme's ({@code /assets/theme-light.css}), read from the
 * stylesheet's {@code -ss-*} variables so that colours stay out of Java code and a printed report
 * matches the window. Plain text parsing: the command line must not start JavaFX.
 */
public final class PrintPalette {
    private static final Pattern VARIABLE = Pattern.compile("(-ss-[a-z0-9-]+)\\s*:\\s*#([0-9a-fA-F]{6})\\s*;");
    private static final PrintPalette LIGHT = read("/assets/theme-light.css");

    private final Map<String, Color> colours;

    private PrintPalette(Map<String, Color> colours) {
        this.colours = Map.copyOf(colours);
    }

    public static PrintPalette light() {
        return LIGHT;
    }

    static PrintPalette read(String resource) {
        try (InputStream in = PrintPalette.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the stylesheet " + resource + " is not on the classpath");
            }
            Matcher m = VARIABLE.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Map<String, Color> found = new HashMap<>();
            while (m.find()) {
                found.put(m.group(1), new Color(Integer.parseInt(m.group(2), 16)));
            }
            return new PrintPalette(found);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A theme colour by its variable name without the {@code -ss-} prefix, e.g. {@code "fg"}. */
    public Color colour(String name) {
        Color c = colours.get("-ss-" + name);
        if (c == null) {
            throw new IllegalStateException("the light theme sets no colour -ss-" + name);
        }
        return c;
    }

    /** Node colour i (see {@code ViewSettings.colours}), as in the window's strip and topology. */
    public Color node(int i) {
        return colour("node-" + Math.floorMod(i, 8));
    }

    public String hex(String name) {
        Color c = colour(name);
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    public ChartPalette charts() {
        List<Color> series = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            series.add(node(i));
        }
        return new ChartPalette(series, colour("chart-bg"), colour("chart-plot"), colour("chart-text"),
                colour("chart-grid"), colour("chart-highlight"), colour("chart-marker"));
    }
}
