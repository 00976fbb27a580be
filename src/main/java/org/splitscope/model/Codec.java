package org.splitscope.model;

/**
 * Compression of one transfer (MOPAR): the tensor shrinks by {@code ratio} on the wire; encoding
 * runs on the sender and decoding on the receiver, each charged per MB (1e6 bytes) of the
 * uncompressed tensor.
 */
public record Codec(String name, double ratio, double encodeSecondsPerMB, double decodeSecondsPerMB) {
    void validate(String path, Problems p) {
        p.notBlank(name, path + ".name");
        p.positive(ratio, path + ".ratio");
        p.nonNegative(encodeSecondsPerMB, path + ".encodeSecondsPerMB");
        p.nonNegative(decodeSecondsPerMB, path + ".decodeSecondsPerMB");
    }
}
