package org.splitscope.model;

/**
 * Exact per-sample exit statistics over S validation samples. Like every record here it is a
 * value: its arrays are never modified once it is built (the evaluator memoizes work on them).
 *
 * @param confidence   [exit][sample]: the value the criterion compares (max probability, or
 *                     normalized entropy), in [0, 1]
 * @param correct      [exit][sample]: whether that exit's prediction is right
 * @param correctFinal [sample]: whether the final classifier is right
 */
public record SampleStats(double[][] confidence, boolean[][] correct, boolean[] correctFinal)
        implements ExitStats {

    public int sampleCount() {
        return correctFinal.length;
    }

    @Override
    public void validate(String path, int exitCount, ExitCriterion criterion, Problems p) {
        if (correctFinal.length == 0) {
            p.add(path + ".correctFinal", "needs at least one sample");
        }
        int s = correctFinal.length;
        if (!p.atMost(s, SizeLimits.MAX_SAMPLES, "samples", path + ".correctFinal")) {
            return;
        }
        checkRows(confidence.length, exitCount, path + ".confidence", p);
        checkRows(correct.length, exitCount, path + ".correct", p);
        for (int e = 0; e < confidence.length; e++) {
            String at = path + ".confidence[" + e + "]";
            if (confidence[e].length != s) {
                p.add(at, "has " + confidence[e].length + " samples but correctFinal has " + s);
                continue;
            }
            for (int i = 0; i < s; i++) {
                double c = confidence[e][i];
                if (!(c >= 0 && c <= 1)) {
                    p.add(at + "[" + i + "]", "must be between 0 and 1, got " + c);
                    break; // one message per exit is enough to find the bad column
                }
            }
        }
        for (int e = 0; e < correct.length; e++) {
            if (correct[e].length != s) {
                p.add(path + ".correct[" + e + "]",
                        "has " + correct[e].length + " samples but correctFinal has " + s);
            }
        }
    }

    private static void checkRows(int rows, int exitCount, String path, Problems p) {
        if (rows != exitCount) {
            p.add(path, "has " + rows + " rows but the profile has " + exitCount + " exits");
        }
    }
}
