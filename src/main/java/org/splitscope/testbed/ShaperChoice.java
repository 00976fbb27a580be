package org.splitscope.testbed;

import java.util.Arrays;
import java.util.stream.Collectors;

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

    /** @throws IllegalArgumentException naming the accepted spellings */
    public static ShaperChoice parse(String text) {
        for (ShaperChoice c : values()) {
            if (c.label.equalsIgnoreCase(text.strip()) || c.name().equalsIgnoreCase(text.strip())) {
                return c;
            }
        }
        throw new IllegalArgumentException("shaper: expected " + Arrays.stream(values()).map(ShaperChoice::label)
                .collect(Collectors.joining(", ")) + ", got '" + text + "'");
    }
}
