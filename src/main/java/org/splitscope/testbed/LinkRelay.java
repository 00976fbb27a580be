package org.splitscope.testbed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One hop of the pipeline as a loopback TCP relay in the driver's process: the upstream side
 * connects to {@link #port()}, every byte it sends is cut into packets of one MTU, held back as
 * the hop's {@link HopShaper} (a link, or a route of links) says, and written to the downstream side. Without a shaper
 * (two stages on one node) bytes pass as they come. Putting the links in the driver lets the two
 * directions of a link share one shaper although their senders are different processes.
 */
final class LinkRelay implements AutoCloseable {
    private record Packet(long arrival, byte[] bytes) {
    }

    private static final Packet END = new Packet(0, new byte[0]);

    private final String name;
    private final HopShaper shaper;
    private final int mtu;
    private final ServerSocket server;
    private final BlockingQueue<Packet> delayLine = new LinkedBlockingQueue<>();
    private volatile Socket upstream;
    private volatile Socket downstream;
    private volatile IOException failure;

    /** @param shaper {@code null} for an unshaped hop */
    LinkRelay(String name, HopShaper shaper, int mtu) throws IOException {
        this(name, shaper, mtu, InetAddress.getLoopbackAddress());
    }

    /** @param listen the address the upstream side connects to (the root end of its worker's veth under kernel shaping) */
    LinkRelay(String name, HopShaper shaper, int mtu, InetAddress listen) throws IOException {
        this.name = name;
        this.shaper = shaper;
        this.mtu = mtu;
        this.server = new ServerSocket(0, 1, listen);
    }

    int port() {
        return server.getLocalPort();
    }

    String name() {
        return name;
    }

    /** The first failure of either side, or {@code null}. */
    IOException failure() {
        return failure;
    }

    /** Connects to the downstream port and starts relaying once the upstream side connects. */
    void start(int downstreamPort) throws IOException {
        start(InetAddress.getLoopbackAddress(), downstreamPort);
    }

    /** As {@link #start(int)}, downstream at {@code host} (a worker's veth address under kernel shaping). */
    void start(InetAddress host, int downstreamPort) throws IOException {
        downstream = new Socket(host, downstreamPort);
        downstream.setTcpNoDelay(true);
        Thread reader = new Thread(this::receive, "relay-" + name + "-in");
        Thread writer = new Thread(this::deliver, "relay-" + name + "-out");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private void receive() {
        try (Socket in = server.accept()) {
            upstream = in;
            in.setTcpNoDelay(true);
            InputStream stream = in.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = stream.read(buffer)) >= 0) {
                long now = System.nanoTime();
                for (int off = 0; off < n; off += mtu) {
                    int len = Math.min(mtu, n - off);
                    byte[] packet = java.util.Arrays.copyOfRange(buffer, off, off + len);
                    delayLine.add(new Packet(shaper == null ? now : shaper.arrival(len, now), packet));
                }
            }
        } catch (IOException e) {
            fail(e);
        } finally {
            delayLine.add(END);
        }
    }

    private void deliver() {
        try {
            OutputStream out = downstream.getOutputStream();
            java.io.ByteArrayOutputStream due = new java.io.ByteArrayOutputStream(1 << 16);
            Packet p = delayLine.take();
            while (p != END) {
                // No spinning: on a fast link packets are due every few microseconds and a spinning
                // writer would hold a core for the whole transfer; a park that wakes late finds the
                // next packets due as well and sends them in the same write, so the link's rate
                // holds and only the delay moves, by the timer's slack (tens of microseconds).
                Deadlines.parkUntil(p.arrival);
                // Every packet already due leaves in one write: one system call per MTU would cost
                // more CPU than the stages themselves on an unshaped or fast hop.
                due.reset();
                due.write(p.bytes);
                while ((p = delayLine.poll()) != null && p != END && p.arrival - System.nanoTime() <= 0) {
                    due.write(p.bytes);
                }
                due.writeTo(out);
                if (p == null) {
                    p = delayLine.take();
                }
            }
            downstream.shutdownOutput();
        } catch (IOException e) {
            fail(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(IOException e) {
        if (failure == null && !server.isClosed()) {
            failure = new IOException("link " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(server);
        closeQuietly(upstream);
        closeQuietly(downstream);
        delayLine.add(END);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                // closing: nothing left to tell
            }
        }
    }
}
