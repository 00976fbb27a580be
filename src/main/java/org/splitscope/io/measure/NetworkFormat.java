package org.splitscope.io.measure;

/** The network measurement files SplitScope reads. */
public enum NetworkFormat {
    /** Scission's {@code source,destination,ping_ms,bandwidth_mbps} CSV: any number of paths. */
    CSV,
    /** {@code iperf3 --json} output: one path, named on the command line. */
    IPERF3
}
