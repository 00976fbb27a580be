package org.splitscope.ui.view;

import java.util.ArrayList;
import java.util.List;

import javafx.scene.layout.Background;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import org.splitscope.chart.ChartPalette;

/**
 * Reads the chart colours out of the stylesheet: a hidden row of regions, one per colour class
 * ({@code chart-series-0..7}, {@code chart-background}, ...), whose background the theme sets.
 * This is how JFreeChart, which paints with AWT colours, follows the CSS theme.
 */
public final class PaletteProbe extends Pane {
    private static final int SERIES = 8;
    private static final String[] ROLES = {"chart-background", "chart-plot-background", "chart-text", "chart-grid",
            "chart-highlight", "chart-marker"};

    public PaletteProbe() {
        setManaged(false);
        setMouseTransparent(true);
        setOpacity(0);
        for (int i = 0; i < SERIES; i++) {
            getChildren().add(region("chart-series-" + i));
        }
        for (String role : ROLES) {
            getChildren().add(region(role));
        }
    }

    private static Region region(String styleClass) {
        Region r = new Region();
        r.getStyleClass().add(styleClass);
        r.resize(1, 1);
        return r;
    }

    /** The palette of the stylesheets now applied to the scene this probe is in. */
    public ChartPalette read() {
        applyCss();
        List<java.awt.Color> series = new ArrayList<>();
        for (int i = 0; i < SERIES; i++) {
            series.add(colour(i));
        }
        return new ChartPalette(series, colour(SERIES), colour(SERIES + 1), colour(SERIES + 2), colour(SERIES + 3),
                colour(SERIES + 4), colour(SERIES + 5));
    }

    private java.awt.Color colour(int child) {
        Background b = ((Region) getChildren().get(child)).getBackground();
        Paint p = b == null || b.getFills().isEmpty() ? null : b.getFills().get(0).getFill();
        if (!(p instanceof Color c)) {
            throw new IllegalStateException("the stylesheet sets no colour for ."
                    + getChildren().get(child).getStyleClass().get(0));
        }
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
