package org.splitscope.optimize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.splitscope.bench.PortendExits;
import org.splitscope.model.ModelProfile;

/** The tables of state values keep the reached rows alone and read as the full layers did. */
class StateValuesTest {
    @Test
    void readsAsTheFullLayerWhileKeepingOnlyTheReachedRows() {
        SearchRequest request = PortendExits.request(PortendExits.resnet20(), 0.85);
        ModelProfile profile = request.evaluator().profile();
        ChainCosts cc = new ChainCosts(profile, request.evaluator().topology());
        StageRules rules = new StageRules(profile, request.evaluator().topology(), request.space());
        ExitGraph g = new ExitGraph(request, cc, rules, ExitGraph.stageSeconds(cc, profile.unitCount()), null);
        Random random = new Random(7);
        StateValues table = new StateValues(g);
        double[][] layers = new double[g.last + 1][];
        boolean[][] reached = new boolean[g.last + 1][];
        for (int x = 1; x <= g.last; x++) {
            int rows = (x + 1) * g.pairs;
            layers[x] = new double[rows * g.kappas];
            reached[x] = new boolean[rows];
            for (int i = 0; i < layers[x].length; i++) {
                layers[x][i] = random.nextInt(5) == 0 ? Double.POSITIVE_INFINITY : (random.nextDouble() - 0.3) * 100;
            }
            for (int row = 0; row < rows; row++) {
                reached[x][row] = random.nextInt(3) == 0;
            }
            table.put(x, layers[x], reached[x], x + 1, g.pairs);
        }
        int kept = 0;
        for (int x = 1; x <= g.last; x++) {
            int kEnd = g.kappaEnd[x];
            float[] dense = table.dense(x);
            for (int row = 0; row < (x + 1) * g.pairs; row++) {
                boolean stored = row >= g.pairs && reached[x][row];
                kept += stored ? kEnd : 0;
                for (int kappa = 0; kappa < kEnd; kappa++) {
                    double want = stored ? ExitBounds.down(layers[x][row * kEnd + kappa]) : Double.POSITIVE_INFINITY;
                    assertEquals(want, table.at(x, row, kappa), "unit " + x + " row " + row + " kappa " + kappa);
                    float full = row < g.pairs ? 0f : (float) want;
                    assertEquals(full, dense[row * kEnd + kappa], "full layer, unit " + x + " row " + row + " kappa " + kappa);
                }
            }
        }
        assertEquals(kept, table.size(), "only the reached rows take room");
    }
}
