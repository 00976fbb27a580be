package org.splitscope.zoo;

import org.splitscope.model.DedicatedPricing;
import org.splitscope.model.Node;
import org.splitscope.model.ServerlessPricing;

/**
 * Devices of the sample scenarios, from public specifications. A FLOP rate here is an
 * EFFECTIVE rate for batch-1 inference, derived as a stated fraction of the published peak;
 * measured latencies, where a profile has them, override it.
 */
final class Devices {
    /**
     * Raspberry Pi 4 Model B: four Cortex-A72 cores at 1.5 GHz (Raspberry Pi product brief).
     * Peak fp32 = 4 cores x 1.5 GHz x 8 FLOP/cycle (one 4-lane NEON FMA) = 48 GFLOP/s; we take
     * 1/6 of it, 8 GFLOP/s, in line with the 8-12 GFLOP/s that HPL reaches on the board.
     */
    static final double PI4_FLOPS = 8e9;
    /** About 6.4 W with all four cores busy (reviewers' wall-power measurements; approximate). */
    static final double PI4_WATTS = 6.4;
    /** NVIDIA T4 datasheet: 8.1 TFLOP/s fp32 peak; 5% at batch 1 on small CIFAR layers. */
    static final double T4_FLOPS = 0.05 * 8.1e12;
    /** NVIDIA V100 (SXM2) datasheet: 15.7 TFLOP/s fp32 peak; 5% at batch 1. */
    static final double V100_FLOPS = 0.05 * 15.7e12;
    /** AWS on-demand prices, us-east-1, Linux: g4dn.xlarge (one T4), p3.2xlarge (one V100). */
    static final double G4DN_XLARGE_USD_PER_HOUR = 0.526;
    static final double P3_2XLARGE_USD_PER_HOUR = 3.06;
    /**
     * One AWS Lambda vCPU (what a function gets at 1,769 MB): an x86 core with AVX2 peaks at
     * roughly 80 GFLOP/s fp32; we take 20 GFLOP/s, a quarter, for framework inference.
     */
    static final double LAMBDA_VCPU_FLOPS = 20e9;
    /** AWS Lambda x86 price list (stack-notes): per GB-second, per request, 1 ms billing. */
    static final double LAMBDA_USD_PER_GB_SECOND = 0.0000166667;
    static final double LAMBDA_USD_PER_REQUEST = 0.20 / 1e6;
    static final double LAMBDA_GRANULARITY_SECONDS = 0.001;
    /** An assumption: AWS publishes no cold-start figures; 0.25 s for 5% of invocations. */
    static final double LAMBDA_COLD_START_SECONDS = 0.25;
    static final double LAMBDA_COLD_START_PROBABILITY = 0.05;
    /** AWS Lambda's default concurrency quota per region: functions serve that many at once. */
    static final int LAMBDA_CONCURRENCY = 1000;
    private static final double GIB = 1024.0 * 1024 * 1024;

    private Devices() {
    }

    /** An end device (tier 0) with its memory capped at the board's size. */
    static Node raspberryPi4(String id, String role, int memoryGiB) {
        return new Node(id, "Raspberry Pi 4 Model B " + memoryGiB + " GB (" + role + ")", 0, "rpi4",
                PI4_FLOPS, memoryGiB * GIB, 1, null, PI4_WATTS);
    }

    static Node t4EdgeServer(String id) {
        return new Node(id, "Edge server at the base station, NVIDIA T4 16 GB (priced as AWS g4dn.xlarge)", 1,
                "t4", T4_FLOPS, 16 * GIB, 1, new DedicatedPricing(G4DN_XLARGE_USD_PER_HOUR), null);
    }

    static Node v100Cloud(String id) {
        return new Node(id, "Cloud GPU instance, AWS p3.2xlarge (NVIDIA V100 16 GB)", 2, "v100", V100_FLOPS,
                16 * GIB, 1, new DedicatedPricing(P3_2XLARGE_USD_PER_HOUR), null);
    }

    /** A Lambda function of the given memory size in MB (speed scales with memory from 1,769 MB). */
    static Node lambda(String id, String role, int memoryMB) {
        ServerlessPricing pricing = new ServerlessPricing(LAMBDA_USD_PER_GB_SECOND, LAMBDA_USD_PER_REQUEST,
                memoryMB / 1000.0, LAMBDA_GRANULARITY_SECONDS, LAMBDA_COLD_START_SECONDS,
                LAMBDA_COLD_START_PROBABILITY);
        return new Node(id, "AWS Lambda x86, " + memoryMB + " MB (" + role + ")", 2, "lambda-x86",
                LAMBDA_VCPU_FLOPS, null, LAMBDA_CONCURRENCY, pricing, null);
    }
}
