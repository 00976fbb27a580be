package org.splitscope.testbed;

/** A testbed run that failed: a worker died, a link broke, no answer came. The message says which and why. */
public final class TestbedException extends Exception {
    public TestbedException(String message) {
        super(message);
    }

    public TestbedException(String message, Throwable cause) {
        super(message, cause);
    }
}
