package org.splitscope.model;

/**
 * The plausible range of every numeric field of a scenario and a profile (listed in the README's
 * "Ranges of numbers"). The bounds are wide (a petabyte, an exaFLOP, a million seconds) so that no
 * real deployment is refused, yet together they keep every figure the evaluator derives finite:
 * the largest latency is about 1e23 s and the largest cost per hour about 1e42 USD, far below
 * 1e308, and the smallest busy time above zero is about 1e-33 s, so that throughput cannot overflow.
 */
public final class Ranges {
    /** Sizes of tensors, weights, working sets and answers. */
    public static final FieldRange BYTES = FieldRange.zeroOr(1e-6, 1e15, "bytes");
    /** Work of one unit or exit head. */
    public static final FieldRange FLOPS = FieldRange.zeroOr(1e-6, 1e18, "FLOPs");
    /** Measured or configured durations: latencies, (de)serialization, cold starts, link latency. */
    public static final FieldRange SECONDS = FieldRange.zeroOr(1e-12, 1e6, "s");
    public static final FieldRange SECONDS_PER_BYTE = FieldRange.zeroOr(1e-18, 1, "s per byte");
    public static final FieldRange SECONDS_PER_MB = FieldRange.zeroOr(1e-12, 1e6, "s per MB");
    /** How much a codec shrinks a tensor (below 1 it grows). */
    public static final FieldRange CODEC_RATIO = FieldRange.of(1e-3, 1e6, "");
    public static final FieldRange FLOP_RATE = FieldRange.of(1, 1e18, "FLOP/s");
    public static final FieldRange MEMORY_BYTES = FieldRange.of(1, 1e15, "bytes");
    public static final FieldRange BANDWIDTH = FieldRange.of(1, 1e15, "bit/s");
    public static final FieldRange MTU_BYTES = FieldRange.of(1, 1e9, "bytes");
    public static final FieldRange WATTS = FieldRange.of(0, 1e6, "W");
    public static final FieldRange USD_PER_HOUR = FieldRange.of(0, 1e6, "USD per hour");
    public static final FieldRange USD_PER_GB_SECOND = FieldRange.of(0, 1e3, "USD per GB-second");
    public static final FieldRange USD_PER_REQUEST = FieldRange.of(0, 1e3, "USD per request");
    public static final FieldRange USD_PER_GB = FieldRange.of(0, 1e3, "USD per GB");
    public static final FieldRange MEMORY_GB = FieldRange.of(1e-3, 1e4, "GB");
    public static final FieldRange BILLING_GRANULARITY = FieldRange.zeroOr(1e-6, 3600, "s");
    public static final FieldRange ARRIVAL_RATE = FieldRange.zeroOr(1e-9, 1e9, "requests per second");
    public static final FieldRange LATENCY_SLO = FieldRange.of(1e-9, 1e6, "s");
    public static final FieldRange BUDGET_USD_PER_REQUEST = FieldRange.of(0, 1e6, "USD per request");
    /** Shares, probabilities, accuracies and exit thresholds. */
    public static final FieldRange SHARE = FieldRange.of(0, 1, "");
    /** Where the topology editor draws a node, in pixels at 100 % zoom. */
    public static final FieldRange CANVAS_PIXELS = FieldRange.of(0, 1e6, "px");
    public static final int MAX_TIER = 1000;
    public static final int MAX_CONCURRENCY = 100_000;

    private Ranges() {
    }
}
