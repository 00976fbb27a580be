package org.splitscope.io.onnx;

/**
 * How to time a model on this machine.
 *
 * @param warmUp  runs before timing starts (caches, lazily allocated buffers, thread pools)
 * @param runs    timed runs; each unit's latency is the median over them
 * @param threads ONNX Runtime's intra-op threads (1 makes times comparable across machines)
 */
public record ProfileOptions(int warmUp, int runs, int threads) {
    public ProfileOptions {
        if (warmUp < 0 || runs < 1 || threads < 1) {
            throw new IllegalArgumentException("need warmUp >= 0, runs >= 1 and threads >= 1, got "
                    + warmUp + ", " + runs + ", " + threads);
        }
    }
}
