package org.splitscope.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.splitscope.io.onnx.RawTensor;

/**
 * Streams requests through a running {@link Pipeline} in three phases: one at a time (end-to-end
 * latency of a request alone, what the evaluator's unloaded latency predicts), back to back
 * (the pipeline full, so answers come at the bottleneck's rate: the evaluator's throughput), and,
 * when a rate is given, Poisson arrivals at that rate (the evaluator's M/D/1 loaded latency).
 * O(requests) work besides the pipeline's.
 */
final class PipelineMeasurement {
    /** How long one answer may take before the run is declared failed: far beyond any shaped link here. */
    static final double ANSWER_TIMEOUT_SECONDS = 120;

    /**
     * @param warmUp   requests sent one at a time first and not counted (JIT, lazy allocations)
     * @param requests requests per phase
     * @param rate     arrival rate of the third phase, 0 for none
     */
    record Options(int warmUp, int requests, double rate, long seed) {
        Options {
            if (warmUp < 0 || requests < 2 || !(rate >= 0)) {
                throw new IllegalArgumentException("need warm-up >= 0, requests >= 2 and rate >= 0; got "
                        + warmUp + ", " + requests + ", " + rate);
            }
        }
    }

    private final Pipeline pipeline;
    private final List<List<RawTensor>> inputs;
    private final BooleanSupplier cancelled;
    private final DoubleConsumer progress;
    private final double total;
    private long next;
    private int done;

    private PipelineMeasurement(Pipeline pipeline, List<List<RawTensor>> inputs, Options o, DoubleConsumer progress,
                                BooleanSupplier cancelled) {
        this.pipeline = pipeline;
        this.inputs = inputs;
        this.progress = progress;
        this.cancelled = cancelled;
        this.total = o.warmUp() + 2.0 * o.requests() + (o.rate() > 0 ? o.requests() : 0);
    }

    static Measurement measure(Pipeline pipeline, List<List<RawTensor>> inputs, Options o, DoubleConsumer progress,
                               BooleanSupplier cancelled) throws TestbedException {
        PipelineMeasurement m = new PipelineMeasurement(pipeline, inputs, o, progress, cancelled);
        m.oneAtATime(o.warmUp());
        List<Double> alone = m.oneAtATime(o.requests());
        double mean = alone.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double throughput = m.backToBack(o.requests(), mean);
        Double loadedMean = null;
        Double achieved = null;
        if (o.rate() > 0) {
            double[] r = m.poisson(o.requests(), o.rate(), o.seed());
            loadedMean = r[0];
            achieved = r[1];
        }
        return new Measurement(alone, mean, Measurement.percentile(alone, 0.95), throughput, o.rate(), loadedMean, achieved);
    }

    private List<Double> oneAtATime(int n) throws TestbedException {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long id = next++;
            long sent = System.nanoTime();
            pipeline.send(id, input(id));
            Pipeline.Answer a = answer(id);
            latencies.add((a.arrivedNanos() - sent) / 1e9);
        }
        return latencies;
    }

    /**
     * Answers per second with all n requests queued at once: the last answer comes one request's
     * latency plus n - 1 bottleneck services after the start, so (n - 1) / (last - start - latency).
     * Answers need not come evenly spaced (a link shared by both directions serves the queued cuts
     * before the answers), which is why the spacing of the answers alone is not used.
     */
    private double backToBack(int n, double latencyAlone) throws TestbedException {
        long first = next;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long id = next++;
            pipeline.send(id, input(id));
        }
        long lastAt = 0;
        for (int i = 0; i < n; i++) {
            lastAt = answer(first + i).arrivedNanos();
        }
        return (n - 1) / Math.max((lastAt - start) / 1e9 - latencyAlone, 1e-9);
    }

    /** {mean latency, achieved answers per second} under Poisson arrivals at {@code rate}. */
    private double[] poisson(int n, double rate, long seed) throws TestbedException {
        long first = next;
        next += n;
        AtomicLongArray sentAt = new AtomicLongArray(n); // written by the sender, read here
        AtomicReference<TestbedException> sendFailure = new AtomicReference<>();
        Random random = new Random(seed);
        long start = System.nanoTime();
        Thread sender = new Thread(() -> {
            long at = start;
            for (int i = 0; i < n && sendFailure.get() == null; i++) {
                long wait;
                while ((wait = at - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                sentAt.set(i, System.nanoTime());
                try {
                    pipeline.send(first + i, input(first + i));
                } catch (TestbedException e) {
                    sendFailure.set(e);
                }
                at += Math.round(-Math.log(1 - random.nextDouble()) / rate * 1e9);
            }
        }, "testbed-arrivals");
        sender.setDaemon(true);
        sender.start();
        double sum = 0;
        long lastAt = start;
        try {
            for (int i = 0; i < n; i++) {
                if (sendFailure.get() != null) {
                    throw sendFailure.get();
                }
                Pipeline.Answer a = answer(first + i);
                sum += (a.arrivedNanos() - sentAt.get(i)) / 1e9;
                lastAt = a.arrivedNanos();
            }
        } finally {
            sendFailure.compareAndSet(null, new TestbedException("stopped"));
        }
        return new double[] {sum / n, n / ((lastAt - start) / 1e9)};
    }

    private Pipeline.Answer answer(long id) throws TestbedException {
        Pipeline.Answer a = pipeline.await(ANSWER_TIMEOUT_SECONDS, cancelled);
        if (a.request() != id) {
            throw new TestbedException("expected the answer to request " + id + ", got request " + a.request()
                    + "'s: the stages reordered requests");
        }
        progress.accept(++done / total);
        return a;
    }

    private List<RawTensor> input(long id) {
        return inputs.get((int) (id % inputs.size()));
    }
}
