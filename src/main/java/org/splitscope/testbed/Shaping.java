package org.splitscope.testbed;

/**
 * What shapes a pipeline's hops, decided once per run from the {@link ShaperChoice} and what
 * this machine's kernel allows ({@link KernelLinks.Probe}); {@link #description()} says exactly
 * that, and is what {@link PlanResult#shaper()} carries.
 *
 * @param kernel      every worker in its own network namespace, each hop's rate by {@code tbf} on a veth
 * @param kernelDelay each hop's one-way delay by {@code netem} too; otherwise the driver's relays delay it
 */
public record Shaping(boolean kernel, boolean kernelDelay, String description) {
    /** The in-process token bucket and delay line alone. */
    public static final Shaping IN_PROCESS = new Shaping(false, false, Testbed.SHAPER);

    static final String KERNEL_RATE = "kernel: tbf rate on veth pairs between per-stage network namespaces";

    public Shaping {
        if (kernelDelay && !kernel) {
            throw new IllegalArgumentException("kernel delay needs kernel shaping");
        }
    }

    /**
     * AUTO: the kernel where it can both limit the rate and delay (tbf and netem), else the
     * in-process shaper with the reason. KERNEL: the kernel's rate, its delay where netem exists and
     * the relays' delay line otherwise. IN_PROCESS: the relays alone. O(1).
     *
     * @throws TestbedException for KERNEL where namespaces, veth pairs or tbf are not available, saying why
     */
    public static Shaping choose(ShaperChoice choice, KernelLinks.Probe probe) throws TestbedException {
        switch (choice) {
            case IN_PROCESS:
                return IN_PROCESS;
            case AUTO:
                if (probe.rateUsable() && probe.netem()) {
                    return kernel(true);
                }
                return new Shaping(false, false, Testbed.SHAPER + "; kernel shaping not used: " + probe.reason());
            default:
                if (!probe.rateUsable()) {
                    throw new TestbedException("kernel shaping is not available here: " + probe.reason());
                }
                return kernel(probe.netem());
        }
    }

    private static Shaping kernel(boolean netem) {
        return netem ? new Shaping(true, true, KERNEL_RATE + " + netem delay")
                : new Shaping(true, false, KERNEL_RATE + "; delay: in-process delay line (this kernel has no netem qdisc)");
    }
}
