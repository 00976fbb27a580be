package org.splitscope.testbed;

/**
 * Which shaper a testbed run asks for: the kernel's where it can shape fully ({@code AUTO}), the
 * kernel's rate limiting whatever it lacks ({@code KERNEL}), or the in-process relays alone.
 * {@link Shaping#choose} turns the choice and what the kernel allows into what runs.
 */
public enum ShaperChoice {
    AUTO("auto"), KERNEL("kernel"), IN_PROCESS("in-process");

    private final String label;

    ShaperChoice(String label) {
        this.label = label;
    }

    /** The spelling on the command line and in the window. */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
