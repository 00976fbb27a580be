package org.splitscope.model;

/**
 * Compression of one transfer (MOPAR): the tensor shrinks by {@code ratio} on the wire; encoding
 * runs on the sender and decoding on the receiver, each charged per MB (1e6 bytes) of the
 * uncompressed tensor.
 */
public record Codec(String name, double ratio, double encodeSecondsPerMB, double decodeSecondsPerMB) {
    public void validate(String path, Problems p) {
        p.notBlank(name, path + ".name");
        p.inRange(ratio, Ranges.CODEC_RATIO, path + ".ratio");
        p.inRange(encodeSecondsPerMB, Ranges.SECONDS_PER_MB, path + ".encodeSecondsPerMB");
        p.inRange(decodeSecondsPerMB, Ranges.SECONDS_PER_MB, path + ".decodeSecondsPerMB");
    }
}
