package org.splitscope.perf;

/**
 * Whether the plan meets the workload's goals; each is {@code null} when the goal is not set or
 * cannot be judged (accuracy unknown). The latency SLO applies to the mean latency under load.
 */
public record Goals(Boolean meetsLatencySlo, Boolean meetsAccuracyFloor, Boolean withinBudget) {
    public boolean allMet() {
        return !Boolean.FALSE.equals(meetsLatencySlo) && !Boolean.FALSE.equals(meetsAccuracyFloor)
                && !Boolean.FALSE.equals(withinBudget);
    }
}
