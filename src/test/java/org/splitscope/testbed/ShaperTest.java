package org.splitscope.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * The in-process shaper as a relay between two loopback sockets delivers the configured bandwidth
 * within 5% and the configured one-way delay within 2 ms (the goal for the shaper).
 */
class ShaperTest {
    private static final int MTU = 1500;

    /** Arrival times (System.nanoTime) of the first byte and of the last of {@code bytes} sent in one write. */
    private static long[] relay(TokenBucketShaper shaper, int bytes) throws Exception {
        try (ServerSocket sink = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             LinkRelay relay = new LinkRelay("test", shaper, MTU)) {
            relay.start(sink.getLocalPort());
            try (Socket up = new Socket(InetAddress.getLoopbackAddress(), relay.port()); Socket down = sink.accept()) {
                up.setTcpNoDelay(true);
                OutputStream out = up.getOutputStream();
                InputStream in = down.getInputStream();
                long sent = System.nanoTime();
                out.write(new byte[bytes]);
                out.flush();
                byte[] buffer = new byte[1 << 16];
                long first = 0;
                int got = 0;
                while (got < bytes) {
                    int n = in.read(buffer);
                    assertTrue(n > 0, "the relay closed after " + got + " bytes");
                    if (got == 0) {
                        first = System.nanoTime();
                    }
                    got += n;
                }
                return new long[] {sent, first, System.nanoTime()};
            }
        }
    }

    @Test
    void deliversTheConfiguredBandwidth() throws Exception {
        double bps = 20e6;
        int bytes = 500_000; // 0.2 s at 20 Mb/s: long enough that scheduling jitter is well under 5%
        long[] t = relay(new TokenBucketShaper(bps, 0.005), bytes);
        double measured = 8.0 * (bytes - MTU) / ((t[2] - t[1]) / 1e9); // after the first packet, one per MTU time
        assertEquals(bps, measured, 0.05 * bps, "measured " + measured / 1e6 + " Mb/s");
    }

    @Test
    void delaysBySetLatency() throws Exception {
        for (double latency : new double[] {0.020, 0.040}) {
            long[] t = relay(new TokenBucketShaper(1e9, latency), 100);
            double delay = (t[1] - t[0]) / 1e9; // 100 bytes at 1 Gb/s add under a microsecond
            assertEquals(latency, delay, 0.002, "one-way delay for " + latency + " s");
        }
    }

    @Test
    void aMessageTakesLatencyPlusSizeOverBandwidth() throws Exception {
        long[] t = relay(new TokenBucketShaper(10e6, 0.020), 36_864);
        double expected = 0.020 + 8 * 36_864 / 10e6; // the performance model's one-hop transfer time
        assertEquals(expected, (t[2] - t[0]) / 1e9, 0.002);
    }

    @Test
    void twoMessagesQueueBehindEachOther() {
        TokenBucketShaper s = new TokenBucketShaper(8e6, 0.010); // 1 byte per microsecond
        long a = s.arrival(1000, 0);
        long b = s.arrival(1000, 0);
        assertEquals(1_000_000 + 10_000_000, a);
        assertEquals(2_000_000 + 10_000_000, b, "the second packet waits for the first to leave the link");
        assertEquals(3_000_000 + 10_000_000, s.arrival(1000, 1_500_000), "offered while the link is busy");
        assertEquals(5_000_000 + 10_000_000, s.arrival(1000, 4_000_000), "offered to an idle link");
    }
}
