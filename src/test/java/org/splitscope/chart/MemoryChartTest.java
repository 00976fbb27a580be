package org.splitscope.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;

import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.data.category.CategoryDataset;
import org.junit.jupiter.api.Test;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.zoo.SampleScenarios;

/** Memory shares far below capacity (bars a pixel wide) are still read: each bar is labelled with its share. */
class MemoryChartTest {
    @Test
    void everyBarSaysItsShareInThreeDigits() {
        Metrics m = Evaluator.evaluate(SampleScenarios.portendThreeTier());
        MemoryChart chart = new MemoryChart();
        chart.show(ChartData.of(m));
        chart.chart().draw(new BufferedImage(460, 260, BufferedImage.TYPE_INT_RGB).createGraphics(), new java.awt.Rectangle(460, 260));
        CategoryPlot plot = (CategoryPlot) chart.chart().getPlot();
        CategoryItemRenderer r = plot.getRenderer();
        CategoryDataset data = plot.getDataset();
        assertTrue(data.getColumnCount() >= 2);
        boolean small = false;
        for (int c = 0; c < data.getColumnCount(); c++) {
            double share = data.getValue(0, c).doubleValue();
            assertTrue(r.isItemLabelVisible(0, c));
            String label = r.getItemLabelGenerator(0, c).generateLabel(data, 0, c);
            assertEquals(MemoryChart.SHARE.format(share), label);
            assertTrue(label.endsWith(" %"), label);
            assertTrue(label.replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() <= 3, "three significant digits: " + label);
            small |= share < 1;
        }
        assertTrue(small, "the sample has a node using under 1 % of its memory, the case the labels are for");
        assertEquals("0.0128 %", MemoryChart.SHARE.format(0.012812345));
        assertEquals("41.3 %", MemoryChart.SHARE.format(41.2987));
    }

    /** A node without a memory limit has no bar and no "0 %" label, which read as a node needing nothing. */
    @Test
    void aNodeWithoutALimitHasNoBar() {
        Metrics m = Evaluator.evaluate(SampleScenarios.teaching());
        assertTrue(m.memory().stream().anyMatch(u -> u.capacityBytes() == null), "the teaching sample has such a node");
        MemoryChart chart = new MemoryChart();
        chart.show(ChartData.of(m));
        CategoryDataset data = ((CategoryPlot) chart.chart().getPlot()).getDataset();
        for (org.splitscope.perf.MemoryUse u : m.memory()) {
            Number share = data.getValue(ChartData.USED, ChartData.memoryLabel(u));
            assertEquals(u.capacityBytes() == null, share == null, u.node());
        }
        chart.chart().draw(new BufferedImage(460, 260, BufferedImage.TYPE_INT_RGB).createGraphics(), new java.awt.Rectangle(460, 260));
    }

    /** Where no node running a stage has a limit (PORTEND's sample), the chart says so instead of an empty plot. */
    @Test
    void noLimitsAtAllAreSaid() {
        MemoryChart chart = new MemoryChart();
        chart.show(ChartData.of(Evaluator.evaluate(org.splitscope.io.ScenarioFiles.read(java.nio.file.Path.of("sample-scenarios",
                "portend-resnet110-exits.json")).orElseThrow())));
        assertEquals(MemoryChart.NO_LIMITS, ((org.jfree.chart.title.TextTitle) chart.chart().getSubtitle(0)).getText());
        chart.show(ChartData.of(Evaluator.evaluate(SampleScenarios.portendThreeTier())));
        assertEquals("", ((org.jfree.chart.title.TextTitle) chart.chart().getSubtitle(0)).getText());
    }
}
