package org.splitscope.bench;

import java.io.IOException;
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
import org.splitscope.io.ScenarioFiles;
import org.splitscope.report.Report;
import org.splitscope.report.ReportFiles;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.CancellationToken;

/**
 * A plan report of a sample scenario: assembling it (evaluation and the exact search) and
 * rendering the assembled report as HTML and as PDF (in memory, no disk).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
public class ReportBenchmark {
    @Param({"portend-three-tier.json", "seifer-edge-cluster.json"})
    public String sample;

    private Scenario scenario;
    private Report report;

    @Setup
    public void setUp() {
        scenario = ScenarioFiles.read(Path.of("sample-scenarios", sample)).orElseThrow();
        report = Report.assemble(scenario, null, CancellationToken.none());
    }

    @Benchmark
    public Report assemble() {
        return Report.assemble(scenario, null, CancellationToken.none());
    }

    @Benchmark
    public byte[] html() throws IOException {
        return ReportFiles.render(report, ReportFiles.Format.HTML);
    }

    @Benchmark
    public byte[] pdf() throws IOException {
        return ReportFiles.render(report, ReportFiles.Format.PDF);
    }
}
