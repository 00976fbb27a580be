package org.splitscope.testbed;

import static org.splitscope.testbed.AdminCommands.run;
import static org.splitscope.testbed.AdminCommands.tool;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kernel's side of link shaping for one pipeline: every worker runs in its own anonymous
 * network namespace ({@code unshare --net}), joined to the driver's (root) namespace by a veth
 * pair with a /30 of 10.213.0.0/16, and each hop is rate-limited by a {@code tbf} qdisc (with
 * {@code netem} delay where the kernel has it) on the device its bytes leave the sender by.
 *
 * <p>No named namespaces: an anonymous one vanishes with its last process, and its veth pair
 * with it, so a killed driver (whose workers end when their stdin closes) leaves nothing behind.
 * {@link #close()} also deletes any root end still there. The root namespace's qdiscs are never
 * touched: the probe works in throw-away namespaces. Each setup step is one {@code ip}/{@code tc}
 * command, O(stages) commands per pipeline.
 */
final class KernelLinks implements AutoCloseable {
    /**
     * What this machine's kernel allows.
     *
     * @param namespaces network namespaces with veth pairs can be made
     * @param tbf        the tbf qdisc exists
     * @param netem      the netem qdisc exists
     * @param reason     why kernel shaping is not complete here, empty when it is
     */
    record Probe(boolean namespaces, boolean tbf, boolean netem, String reason) {
        /** Namespaces and tbf: the kernel can at least limit each hop's rate. */
        boolean rateUsable() {
            return namespaces && tbf;
        }
    }

    /** One worker's veth pair: {@code rootEnd} stays in the driver's namespace, {@code workerEnd} is the worker's. */
    record Veth(int worker, long pid, String rootEnd, String workerEnd, InetAddress rootAddress, InetAddress workerAddress) {
    }

    /** Ethernet header and TCP/IP headers with timestamps: what a full segment carries besides payload. */
    private static final int ETHERNET_HEADER = 14;
    private static final int TCP_IP_HEADERS = 52;
    /**
     * Tokens a hop may save up, in seconds at its rate. One packet's worth lost 7..13% of the rate
     * on a busy 2-core VM, where the qdisc's timer fires late; 2 ms keeps the rate within 0.1%,
     * and a message after an idle spell arrives at most 2 ms early.
     */
    private static final double BURST_SECONDS = 2e-3;
    private static final long QUEUE_LIMIT_BYTES = 1L << 26;
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Object ADDRESSES = new Object();
    private static volatile Probe cached;

    private final String prefix;
    private final int mtu;
    private final List<Veth> veths = new ArrayList<>();

    private KernelLinks(String prefix, int mtu) {
        this.prefix = prefix;
        this.mtu = mtu;
    }

    /** What the kernel allows, probed on first use and then remembered. */
    static Probe probe() {
        Probe p = cached;
        if (p == null) {
            synchronized (KernelLinks.class) {
                if (cached == null) {
                    cached = probeNow();
                }
                p = cached;
            }
        }
        return p;
    }

    /** The end of a failed command's message: what tc itself said, without the command line. */
    private static String lastLine(String failure) {
        String[] lines = failure.strip().split("\\R|: ");
        return lines[lines.length - 1].strip();
    }

    private static Probe probeNow() {
        if (!Files.exists(Path.of("/proc/self/ns/net"))) {
            return new Probe(false, false, false, "no Linux network namespaces on this system");
        }
        List<String> missing = new ArrayList<>();
        for (String tool : List.of("unshare", "nsenter", "ip", "tc", "sysctl")) {
            if (tool(tool) == null) {
                missing.add(tool);
            }
        }
        if (!missing.isEmpty()) {
            return new Probe(false, false, false, "commands not found: " + String.join(", ", missing)
                    + " (util-linux, iproute2, procps)");
        }
        // each trial runs in its own throw-away namespace, which vanishes with the command
        String veth = trial(List.of("ip", "link", "add", "ssprobe0", "type", "veth", "peer", "name", "ssprobe1"));
        if (veth != null) {
            return new Probe(false, false, false, "network namespaces with veth pairs are not available (needs root): " + veth);
        }
        String tbf = trial(List.of("tc", "qdisc", "add", "dev", "lo", "root", "tbf", "rate", "1mbit", "burst", "1600",
                "limit", "10000"));
        String netem = trial(List.of("tc", "qdisc", "add", "dev", "lo", "root", "netem", "delay", "1ms"));
        List<String> reasons = new ArrayList<>();
        if (tbf != null) {
            reasons.add("this kernel has no tbf qdisc (tc: " + lastLine(tbf) + ")");
        }
        if (netem != null) {
            reasons.add("this kernel has no netem qdisc (tc: " + lastLine(netem) + ")");
        }
        return new Probe(true, tbf == null, netem == null, String.join("; ", reasons));
    }

    /** Runs a command inside a fresh network namespace; {@code null} if it worked, else its message. */
    private static String trial(List<String> command) {
        List<String> full = new ArrayList<>(List.of(tool("unshare"), "--net", "--"));
        full.add(tool(command.get(0)));
        full.addAll(command.subList(1, command.size()));
        try {
            run(full);
            return null;
        } catch (TestbedException e) {
            return e.getMessage();
        }
    }

    /**
     * A new network for one pipeline, its device names unique on this machine ({@code ss<id>w<k>}).
     *
     * @param mtu the topology's MTU in bytes: the veths' MTU and the size of a full packet
     */
    static KernelLinks open(int mtu) throws TestbedException {
        if (mtu < 576 || mtu > 65535) {
            throw new TestbedException("topology.mtuBytes: kernel shaping needs an MTU of 576 to 65535 bytes, got " + mtu);
        }
        long pid = ProcessHandle.current().pid() % 100_000;
        Set<String> devices = new HashSet<>();
        for (String line : run(List.of(tool("ip"), "-o", "link", "show")).split("\n")) {
            String[] f = line.split(":\\s+", 3);
            if (f.length > 1) {
                devices.add(f[1].split("@")[0]);
            }
        }
        while (true) {
            String prefix = String.format(Locale.ROOT, "ss%05d%02dw", pid, RUNS.getAndIncrement() % 100);
            if (devices.stream().noneMatch(d -> d.startsWith(prefix))) {
                return new KernelLinks(prefix, mtu);
            }
        }
    }

    /** The start of every device name of this network in the root namespace. */
    String devicePrefix() {
        return prefix;
    }

    /** The command a worker is started under so that it gets its own network namespace. */
    static List<String> namespaceCommand() {
        return List.of(tool("unshare"), "--net", "--");
    }

    /**
     * Joins worker {@code worker}'s namespace (that of process {@code pid}) to the root namespace by
     * a veth pair, both ends addressed and up, as is the worker's loopback. The worker end is made
     * inside the namespace at once, so no step leaves a device in the root namespace but its own end.
     */
    synchronized Veth attach(int worker, long pid) throws TestbedException {
        String rootEnd = prefix + worker;
        String workerEnd = rootEnd + "p";
        String ip = tool("ip");
        InetAddress[] pair;
        synchronized (ADDRESSES) {
            pair = freeSubnet();
            run(List.of(ip, "link", "add", rootEnd, "mtu", Integer.toString(mtu), "type", "veth", "peer", "name", workerEnd,
                    "mtu", Integer.toString(mtu), "netns", Long.toString(pid)));
            Veth v = new Veth(worker, pid, rootEnd, workerEnd, pair[0], pair[1]);
            veths.add(v);
            run(List.of(ip, "addr", "add", pair[0].getHostAddress() + "/30", "dev", rootEnd));
        }
        run(List.of(ip, "link", "set", rootEnd, "up"));
        List<String> inside = inside(pid);
        run(concat(inside, ip, "link", "set", "lo", "up"));
        run(concat(inside, ip, "addr", "add", pair[1].getHostAddress() + "/30", "dev", workerEnd));
        run(concat(inside, ip, "link", "set", workerEnd, "up"));
        // a hop idle between requests would otherwise restart slow start on every request
        run(concat(inside, tool("sysctl"), "-q", "-w", "net.ipv4.tcp_slow_start_after_idle=0"));
        return veths.get(veths.size() - 1);
    }

    /**
     * Shapes the bytes leaving by one end of a veth: {@code tbf} at the link's bandwidth counted in
     * payload (the rate is raised by the headers a full TCP segment carries, so that tensor bytes
     * flow at the model's bandwidth), a bucket of {@link #BURST_SECONDS} (at least one packet), with a queue long enough never to drop; with
     * {@code delaySeconds > 0}, {@code netem} delays them first.
     *
     * @param workerSide the worker's end (bytes the worker sends), else the root end (bytes to the worker)
     */
    void shape(Veth v, boolean workerSide, double bandwidthBps, double delaySeconds) throws TestbedException {
        List<String> tc = workerSide ? concat(inside(v.pid()), tool("tc")) : List.of(tool("tc"));
        String dev = workerSide ? v.workerEnd() : v.rootEnd();
        long rate = Math.round(bandwidthBps * (mtu + ETHERNET_HEADER) / (mtu - TCP_IP_HEADERS));
        long burst = Math.max(Math.max(mtu + ETHERNET_HEADER, 1600), Math.round(rate * BURST_SECONDS / 8));
        List<String> tbf = List.of("tbf", "rate", rate + "bit", "burst", Long.toString(burst),
                "limit", Long.toString(QUEUE_LIMIT_BYTES));
        if (delaySeconds > 0) {
            run(concat(tc, "qdisc", "add", "dev", dev, "root", "handle", "1:", "netem", "delay",
                    Math.round(delaySeconds * 1e6) + "us", "limit", "1000000"));
            List<String> child = new ArrayList<>(concat(tc, "qdisc", "add", "dev", dev, "parent", "1:1", "handle", "10:"));
            child.addAll(tbf);
            run(child);
        } else {
            List<String> root = new ArrayList<>(concat(tc, "qdisc", "add", "dev", dev, "root"));
            root.addAll(tbf);
            run(root);
        }
    }

    private static List<String> inside(long pid) {
        return List.of(tool("nsenter"), "-t", Long.toString(pid), "-n");
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    /** A /30 of 10.213.0.0/16 that overlaps no IPv4 network of the root namespace: its .1 and .2. */
    private InetAddress[] freeSubnet() throws TestbedException {
        List<long[]> used = new ArrayList<>();
        for (String line : run(List.of(tool("ip"), "-o", "-4", "addr", "show")).split("\n")) {
            int at = line.indexOf(" inet ");
            if (at >= 0) {
                String[] cidr = line.substring(at + 6).strip().split("\\s+")[0].split("/");
                long a = ipv4(cidr[0]);
                int len = cidr.length > 1 ? Integer.parseInt(cidr[1]) : 32;
                long size = 1L << (32 - len);
                used.add(new long[] {a & -size, (a & -size) + size});
            }
        }
        long base = ipv4("10.213.0.0");
        int blocks = 1 << 14;
        int start = Math.floorMod(prefix.hashCode(), blocks);
        for (int i = 0; i < blocks; i++) {
            long lo = base + 4L * ((start + i) % blocks);
            if (used.stream().noneMatch(u -> lo < u[1] && u[0] < lo + 4)) {
                return new InetAddress[] {address(lo + 1), address(lo + 2)};
            }
        }
        throw new TestbedException("no free /30 left in 10.213.0.0/16 for the testbed's veth pairs");
    }

    private static long ipv4(String dotted) {
        long v = 0;
        for (String part : dotted.split("\\.")) {
            v = v << 8 | Integer.parseInt(part);
        }
        return v;
    }

    private static InetAddress address(long v) {
        try {
            return Inet4Address.getByAddress(new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /**
     * Deletes every root end of this network still present (its worker end goes with it). The
     * workers' namespaces go when their processes end; deleting here makes the devices go now.
     */
    @Override
    public synchronized void close() {
        for (Veth v : veths) {
            try {
                run(List.of(tool("ip"), "link", "del", v.rootEnd()));
            } catch (TestbedException e) {
                // already gone with its namespace: nothing to delete
            }
        }
        veths.clear();
    }
}
