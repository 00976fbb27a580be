package org.splitscope.testbed;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import org.splitscope.io.onnx.RawTensor;

/**
 * Streams requests through a running {@link Pipeline} in three phases: one at a time (end-to-end
 * latency of a request alone, what the evaluator's unloaded latency predicts), bursts faster than
 * the pipeline serves them (the pipeline full, so answers come at the bottleneck's rate: the
 * evaluator's throughput; the median of {@link #THROUGHPUT_TRIALS}), and,
 * when a rate is given, Poisson arrivals at that rate (the evaluator's M/D/1 loaded latency).
 * O(requests) work besides the pipeline's.
 */
final class PipelineMeasurement {
    /** How long one answer may take before the run is declared failed: far beyond any shaped link here. */
    static final double ANSWER_TIMEOUT_SECONDS = 120;

    /**
     * @param warmUp   requests sent one at a time first and not counted (JIT, lazy allocations);
     *                 when more than 0, one burst is also sent and not counted before the counted one:
     *                 the first burst through a fresh pipeline ran 50..130 ms behind (the JIT
     *                 compiling the relays' and workers' busy paths on the shared cores), which on
     *                 a burst of half a second is 10..25% of the throughput
     * @param requests requests per phase
     * @param rate     arrival rate of the third phase, 0 for none
     * @param burst    requests sent in the throughput phase, at least {@code requests}
     * @param burstRate requests per second at which they are sent, 0 for all at once
     */
    record Options(int warmUp, int requests, double rate, long seed, int burst, double burstRate) {
        Options {
            if (warmUp < 0 || requests < 2 || !(rate >= 0) || burst < requests || !(burstRate >= 0)) {
                throw new IllegalArgumentException("need warm-up >= 0, requests >= 2, rate >= 0, burst >= requests and"
                        + " burst rate >= 0; got " + warmUp + ", " + requests + ", " + rate + ", " + burst + ", " + burstRate);
            }
        }

        Options(int warmUp, int requests, double rate, long seed) {
            this(warmUp, requests, rate, seed, requests, 0);
        }

        /**
         * Twice the predicted throughput: fast enough to keep the pipeline full (a queue forms at
         * the bottleneck unless it is twice as fast as predicted), slow enough that the first
         * requests do not wait behind the copying of all the others' inputs, which made the first
         * answer of an all-at-once burst 25..40 ms late on the classifier and so counted as
         * lost throughput. 0 (all at once) without a predicted throughput.
         */
        static double burstRateFor(Double predictedThroughput) {
            return predictedThroughput == null || !(predictedThroughput > 0) ? 0 : 2 * predictedThroughput;
        }

        /**
         * A burst long enough to judge a throughput: the estimate subtracts one request's latency
         * from the burst's span, so the burst is made to last about {@link #BURST_LATENCIES}
         * latencies at the predicted throughput, and at least {@link #MIN_BURST_SECONDS} (at most
         * {@link #MAX_BURST} requests), which keeps a few milliseconds' error in that latency, or
         * one of this machine's hiccups of a few tens of milliseconds, to a few percent of the answer.
         */
        static int burstFor(int requests, double predictedLatency, Double predictedThroughput) {
            if (predictedThroughput == null || !(predictedLatency > 0)) {
                return requests;
            }
            double n = Math.ceil(Math.max(BURST_LATENCIES * predictedLatency, MIN_BURST_SECONDS) * predictedThroughput) + 1;
            return (int) Math.max(requests, Math.min(MAX_BURST, n));
        }
    }

    static final double BURST_LATENCIES = 4;
    /**
     * Bursts whose median is the throughput: one hiccup of this shared machine (a stall of tens
     * of milliseconds, seen about once per few dozen bursts) costs a one-second burst several
     * percent, and the median of three is not moved by one.
     */
    static final int THROUGHPUT_TRIALS = 3;
    static final double MIN_BURST_SECONDS = 1;
    static final int MAX_BURST = 1000;

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
        this.total = o.warmUp() + o.requests() + (THROUGHPUT_TRIALS + (o.warmUp() > 0 ? 1 : 0)) * o.burst() + (o.rate() > 0 ? o.requests() : 0);
    }

    static Measurement measure(Pipeline pipeline, List<List<RawTensor>> inputs, Options o, DoubleConsumer progress,
                               BooleanSupplier cancelled) throws TestbedException {
        PipelineMeasurement m = new PipelineMeasurement(pipeline, inputs, o, progress, cancelled);
        m.oneAtATime(o.warmUp());
        List<Double> alone = m.oneAtATime(o.requests());
        double mean = alone.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (o.warmUp() > 0) {
            m.burst(o.burst(), o.burstRate(), mean);
        }
        double[] trials = new double[THROUGHPUT_TRIALS];
        for (int i = 0; i < trials.length; i++) {
            trials[i] = m.burst(o.burst(), o.burstRate(), mean);
        }
        java.util.Arrays.sort(trials);
        double throughput = trials[trials.length / 2];
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
     * Answers per second with the pipeline kept full: n requests sent at {@code rate} (all at once
     * when 0), faster than the bottleneck serves them, so the last answer comes one request's
     * latency plus n - 1 bottleneck services after the start: (n - 1) / (last - start - latency).
     * Answers need not come evenly spaced (a link shared by both directions serves the queued cuts
     * before the answers), which is why the spacing of the answers alone is not used.
     */
    private double burst(int n, double rate, double latencyAlone) throws TestbedException {
        long first = next;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long id = next++;
            if (rate > 0) {
                Deadlines.parkUntil(start + Math.round(i / rate * 1e9));
            }
            pipeline.send(id, input(id)); // answers are taken, and timed, by the pipeline's receiver meanwhile
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
                Deadlines.parkUntil(at);
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
