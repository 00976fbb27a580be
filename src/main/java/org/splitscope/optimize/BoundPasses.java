package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * One graph's forward bound passes ({@link ExitBounds}) by their weights (cl, cc, ca), made once
 * and shared: by the floors of a sweep, and between the hull walk, which starts the passes a gap
 * will need on the other cores as soon as it knows their multiplier, and the gap's search, which
 * joins them. A pass that one search started and its own token then stopped is made again for
 * another search.
 */
final class BoundPasses {
    private final ExitGraph g;
    private final Map<List<Double>, CompletableFuture<ExitBounds>> byWeights = new HashMap<>();

    BoundPasses(ExitGraph graph) {
        this.g = graph;
    }

    /** Starts the pass for these weights in the background unless it is made or started already. */
    synchronized void start(List<Double> w, CancellationToken token) {
        byWeights.computeIfAbsent(w, key -> CompletableFuture.supplyAsync(() -> make(w, token)));
    }

    /**
     * The passes for these weights: those none has started are made here, on this thread and the
     * others there are, independent of each other; the others are joined.
     */
    ExitBounds[] made(List<List<Double>> weights, CancellationToken token) {
        List<CompletableFuture<ExitBounds>> started = new ArrayList<>();
        Map<List<Double>, CompletableFuture<ExitBounds>> mine = new HashMap<>();
        synchronized (this) {
            for (List<Double> w : weights) {
                started.add(byWeights.computeIfAbsent(w, key -> {
                    CompletableFuture<ExitBounds> f = new CompletableFuture<>();
                    mine.put(key, f);
                    return f;
                }));
            }
        }
        mine.entrySet().parallelStream().forEach(m -> {
            try {
                m.getValue().complete(make(m.getKey(), token));
            } catch (RuntimeException e) {
                m.getValue().completeExceptionally(e);
            }
        });
        ExitBounds[] made = new ExitBounds[weights.size()];
        for (int k = 0; k < made.length; k++) {
            try {
                made[k] = started.get(k).join();
            } catch (CompletionException e) {
                token.throwIfCancelled();
                if (!(e.getCause() instanceof CancellationException)) {
                    throw e.getCause() instanceof RuntimeException failure ? failure : e;
                }
                made[k] = make(weights.get(k), token); // another search's token stopped it
                synchronized (this) {
                    byWeights.put(weights.get(k), CompletableFuture.completedFuture(made[k]));
                }
            }
        }
        return made;
    }

    private ExitBounds make(List<Double> w, CancellationToken token) {
        return new ExitBounds(g, w.get(0), w.get(1), w.get(2), token);
    }
}
