package org.splitscope.chart;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.splitscope.perf.Calibration;

/**
 * Measured vs estimated: per unit, the FLOP-rate estimate on a device class's node against the
 * time measured on that class. Fed from the scenario, not from the metrics, so it is not one of
 * the {@link ChartSet}'s.
 */
public final class MeasuredChart implements ExplorerChart {
    private final CategoryPlot plot;
    private final BarRenderer renderer = new BarRenderer();
    private final JFreeChart chart;
    private final TextTitle rates = new TextTitle("");

    public MeasuredChart() {
        CategoryAxis x = new CategoryAxis("unit");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        renderer.setBarPainter(new StandardBarPainter()); // flat, as the other charts
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(false);
        renderer.setItemMargin(0);
        renderer.setDefaultToolTipGenerator((data, row, column) -> "unit " + data.getColumnKey(column) + ", "
                + data.getRowKey(row) + ": " + Formats.ms(data.getValue(row, column).doubleValue() / 1e3));
        plot = new CategoryPlot(null, x, new NumberAxis("ms"), renderer);
        chart = ChartStyling.titled("Measured vs estimated", plot, true);
        rates.setFont(chart.getLegend().getItemFont());
        chart.addSubtitle(rates);
    }

    /** The FLOP/s the estimate uses against the one the measurements imply (the fit), or empty. */
    public String rates() {
        return rates.getText();
    }

    @Override
    public String id() {
        return "measured";
    }

    @Override
    public JFreeChart chart() {
        return chart;
    }

    /** Its data come from {@link #showCalibration}. */
    @Override
    public void show(ChartData data) {
    }

    /**
     * The estimate against the measurement per unit of the class; with {@code calibration} null or
     * without a measured unit, no bars and {@code message} in their place.
     */
    public void showCalibration(Calibration calibration, String message) {
        chart.setNotify(false);
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean measured = calibration != null && calibration.units().stream().anyMatch(u -> u.measuredSeconds() != null);
        if (measured) {
            String estimate = "FLOP estimate on " + calibration.node();
            String times = "measured on '" + calibration.deviceClass() + "'";
            for (Calibration.UnitRow r : calibration.units()) {
                String unit = String.valueOf(r.unit());
                data.addValue(r.estimatedSeconds() * 1e3, estimate, unit);
                data.addValue(r.measuredSeconds() == null ? null : r.measuredSeconds() * 1e3, times, unit);
            }
        }
        rates.setText(!measured ? "" : calibration.node() + " " + Formats.flopRate(calibration.rate()) + ", fitted "
                + (calibration.fittedRate() == null ? Formats.NONE : Formats.flopRate(calibration.fittedRate())));
        plot.setNoDataMessage(message);
        plot.setDataset(measured ? data : null);
        chart.setNotify(true);
    }

    @Override
    public void applyPalette(ChartPalette p) {
        ChartStyling.apply(chart, p);
        ChartStyling.seriesColours(renderer, 2, p);
        plot.setNoDataMessagePaint(p.text());
        rates.setPaint(p.text());
    }
}
