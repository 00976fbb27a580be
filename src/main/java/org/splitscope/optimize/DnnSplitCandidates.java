package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.splitscope.model.ModelProfile;

/**
 * The candidate cut points of DNNSplit: the strict prefix minima of {@code cutBytes}, that is
 * every unit u with {@code cutBytes(u) < min(inputBytes, cutBytes(u'))} for all u' &lt; u, plus
 * cut 0 (the input leaves the source, nothing runs there) and cut N (nothing is cut off).
 *
 * <p>Why they suffice (DNNSplit; section 4 of the performance model): the latest candidate at or
 * before a cut carries the fewest bytes of every cut up to there (the input counting as cut 0).
 * When every later stage runs on a node that is faster and cheaper for every unit, moving each
 * cut back to that candidate sends fewer bytes and moves units to better nodes, so a latency- or cost-optimal
 * plan without early exits exists among the candidates. {@link ExactChainSearch} checks those
 * conditions before it restricts itself to these cuts.
 *
 * <p>Running time O(N) for N units.
 */
public final class DnnSplitCandidates {
    private final int[] cuts;
    private final int[] floor;

    public DnnSplitCandidates(ModelProfile profile) {
        int n = profile.unitCount();
        List<Integer> list = new ArrayList<>(List.of(0));
        floor = new int[n + 1];
        double least = profile.inputBytes();
        for (int u = 1; u <= n; u++) {
            double bytes = profile.unit(u).cutBytes();
            if (bytes < least) {
                least = bytes;
                list.add(u);
            }
            floor[u] = list.get(list.size() - 1);
        }
        if (list.get(list.size() - 1) != n) {
            list.add(n);
        }
        cuts = list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The candidates in increasing order: 0, the strict prefix minima, N. */
    public int[] cuts() {
        return cuts.clone();
    }

    public boolean isCandidate(int cut) {
        return Arrays.binarySearch(cuts, cut) >= 0;
    }

    /**
     * Null when a search for this request may provably cut only at the candidates, else the first
     * condition of {@link DnnSplitRule} that fails here, in words (for the teaching view).
     */
    public static String whyNotSufficient(SearchRequest request) {
        var e = request.evaluator();
        return DnnSplitRule.whyNot(request, new ChainCosts(e.profile(), e.topology()));
    }

    /**
     * The latest strict prefix minimum at or before a cut (0 when none beats the input): the cut
     * with the fewest bytes up to there, where the exchange argument moves a cut. A unit u is a
     * strict prefix minimum exactly when {@code floor(u) == u}.
     */
    public int floor(int cut) {
        return floor[cut];
    }
}
