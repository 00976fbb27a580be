package org.splitscope.cli;

/** Process exit codes of the command line; documented in the README. */
public final class ExitCodes {
    /** The command did what was asked (an infeasible or saturated plan is still a result). */
    public static final int OK = 0;
    /** The input has problems; each was printed with its JSON path. */
    public static final int INVALID_INPUT = 1;
    /** The command line itself is wrong (unknown command or option, missing argument). */
    public static final int USAGE = 2;
    /** A file could not be written. */
    public static final int IO_ERROR = 3;
    /** {@code --time-limit} stopped the search before it found any plan (with a plan found, the exit code is {@link #OK}). */
    public static final int TIME_LIMIT = 4;
    /** A bug in SplitScope; the message asks for a report. */
    public static final int INTERNAL_ERROR = 70;

    private ExitCodes() {
    }
}
