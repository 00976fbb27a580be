package org.splitscope.optimize;

import java.util.ArrayList;
import java.util.List;

import org.splitscope.model.Plan;
import org.splitscope.perf.Metrics;

/** The best {@code capacity} plans offered so far under {@link Ranking}; among equals the first offered stays ahead. */
final class TopPlans {
    private record Entry(double[] key, Plan plan, Metrics metrics) {
    }

    private final int capacity;
    private final List<Entry> entries = new ArrayList<>();

    TopPlans(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("ask for at least one plan, got " + capacity);
        }
        this.capacity = capacity;
    }

    boolean empty() {
        return entries.isEmpty();
    }

    boolean full() {
        return entries.size() == capacity;
    }

    /** The best plan's objective, oriented (smaller better); NaN while empty. */
    double incumbent() {
        return entries.isEmpty() ? Double.NaN : entries.get(0).key()[0];
    }

    /** The key a plan must beat to enter a full list. */
    double[] worst() {
        return entries.get(entries.size() - 1).key();
    }

    void offer(double[] key, Plan plan, Metrics metrics) {
        if (full() && Ranking.compare(key, worst()) >= 0) {
            return;
        }
        int at = entries.size();
        while (at > 0 && Ranking.compare(key, entries.get(at - 1).key()) < 0) {
            at--;
        }
        entries.add(at, new Entry(key, plan, metrics));
        if (entries.size() > capacity) {
            entries.remove(entries.size() - 1);
        }
    }

    List<RankedPlan> ranked(Objective objective, Provenance provenance) {
        List<RankedPlan> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(new RankedPlan(out.size() + 1, e.plan(), e.metrics(), objective.value(e.metrics()), provenance));
        }
        return List.copyOf(out);
    }
}
