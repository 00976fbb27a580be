package org.splitscope.bench;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.splitscope.chart.ChartSet;
import org.splitscope.chart.ExplorerChart;
import org.splitscope.chart.MeasuredChart;
import org.splitscope.io.ScenarioFiles;
import org.splitscope.ui.model.LiveMetrics;
import org.splitscope.ui.model.MeasuredChartModel;
import org.splitscope.ui.model.PlanEditor;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.StripModel;
import org.splitscope.ui.model.SummaryModel;
import org.splitscope.ui.model.TopologyEditor;

/**
 * The explorer's drag-to-chart path for one mouse event on a cut marker: the plan command, the
 * evaluation, the strip's and the summary's view-models, and new datasets in all seven charts (the
 * seventh, measured against estimated, validates the scenario and calibrates its selected class).
 * {@code cutDrag} is that path; {@code cutDragAndDraw} also paints every chart into an image of
 * its on-screen size (Java2D, as an estimate of the repaint; the window paints on the FX thread).
 * Goal: 16 ms per event (one frame) on 2 cores. Runs headless.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Djava.awt.headless=true")
public class DragToChartBenchmark {
    /** The largest sample models: MobileNetV2 at layer level (151 units) and ResNet-110 with exits. */
    @Param({"seifer-edge-cluster.json", "portend-three-tier.json"})
    public String scenario;

    private PlanEditor editor;
    private ChartSet charts;
    private LiveMetrics metrics;
    private StripModel strip;
    private SummaryModel summary;
    private int from;
    private int step;
    private final MeasuredChart measured = new MeasuredChart();
    private final BufferedImage canvas = new BufferedImage(460, 260, BufferedImage.TYPE_INT_ARGB);

    @Setup
    public void setUp() {
        ScenarioDocument doc = new ScenarioDocument(ScenarioFiles.read(Path.of("sample-scenarios", scenario)).orElseThrow());
        metrics = new LiveMetrics(doc.scenarioProperty());
        strip = new StripModel(doc, metrics);
        summary = new SummaryModel(metrics);
        editor = new PlanEditor(doc);
        charts = new ChartSet();
        metrics.metricsProperty().addListener((o, a, m) -> charts.show(m));
        MeasuredChartModel measuredModel = new MeasuredChartModel(doc, new TopologyEditor(doc, metrics));
        measuredModel.shownProperty().addListener((o, a, shown) -> measured.showCalibration(shown.calibration(), shown.message()));
        from = doc.getScenario().plan().cuts().get(0);
    }

    /** The next position of the dragged cut: back and forth over eight units, as a hand does. */
    private int next() {
        step = (step + 1) & 15;
        return from - 4 + (step < 8 ? step : 16 - step);
    }

    @Benchmark
    public Object cutDrag() {
        editor.moveCut(0, next());
        return summary.expectedLatencyProperty().get() + strip.getData().cuts() + measured.rates();
    }

    @Benchmark
    public Object cutDragAndDraw() {
        editor.moveCut(0, next());
        Graphics2D g = canvas.createGraphics();
        for (ExplorerChart c : charts.charts()) {
            c.chart().draw(g, new Rectangle(0, 0, canvas.getWidth(), canvas.getHeight()));
        }
        measured.chart().draw(g, new Rectangle(0, 0, canvas.getWidth(), canvas.getHeight()));
        g.dispose();
        return metrics.getMetrics();
    }
}
