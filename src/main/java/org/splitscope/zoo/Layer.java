package org.splitscope.zoo;

/**
 * One operator of a built network.
 *
 * @param block      index of the block it belongs to
 * @param macs       multiply-accumulates (conv and fc weights)
 * @param otherFlops FLOPs that are not multiply-accumulates (bias, bn, activations, adds, pooling)
 * @param params     stored parameters (BatchNorm: gamma, beta, running mean and variance)
 * @param trainable  trainable parameters (BatchNorm: gamma and beta only), as papers count them
 * @param inputs     ids of the tensors it reads
 * @param output     id of the tensor it writes
 */
record Layer(String name, String kind, int block, long macs, long otherFlops, long params, long trainable,
             int[] inputs, int output) {
    double flops() {
        return 2.0 * macs + otherFlops;
    }
}
