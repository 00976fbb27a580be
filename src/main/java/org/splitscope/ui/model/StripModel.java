package org.splitscope.ui.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.model.EnabledExit;
import org.splitscope.model.ExitHead;
import org.splitscope.model.ExitRange;
import org.splitscope.model.ModelProfile;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.model.Unit;
import org.splitscope.optimize.DnnSplitCandidates;
import org.splitscope.perf.Evaluator;
import org.splitscope.perf.Metrics;
import org.splitscope.perf.Outcome;

/**
 * The model strip's view-model: {@link StripData} for the scenario on screen, rebuilt when the
 * scenario, its metrics or the height mode change. Exit shares come from the metrics (the last
 * valid ones while the scenario is invalid).
 */
public final class StripModel {
    private final ScenarioDocument document;
    private final LiveMetrics metrics;
    private final ObjectProperty<HeightMode> heightMode = new SimpleObjectProperty<>(this, "heightMode", HeightMode.FLOPS);
    private final ObjectProperty<WidthMode> widthMode = new SimpleObjectProperty<>(this, "widthMode", WidthMode.EVEN);
    private final ReadOnlyObjectWrapper<StripData> data = new ReadOnlyObjectWrapper<>(this, "data");
    private ModelProfile candidatesOf;
    private List<Integer> candidates = List.of();

    public StripModel(ScenarioDocument document, LiveMetrics metrics) {
        this.document = document;
        this.metrics = metrics;
        document.scenarioProperty().addListener(o -> refresh());
        metrics.metricsProperty().addListener(o -> refresh());
        heightMode.addListener(o -> refresh());
        widthMode.addListener(o -> refresh());
        refresh();
    }

    /** FLOPs or time; a view setting, not part of the scenario. */
    public ObjectProperty<HeightMode> heightModeProperty() {
        return heightMode;
    }

    /** Even widths, or by FLOPs or parameter bytes; a view setting, not part of the scenario. */
    public ObjectProperty<WidthMode> widthModeProperty() {
        return widthMode;
    }

    public ReadOnlyObjectProperty<StripData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    public StripData getData() {
        return data.get();
    }

    private void refresh() {
        data.set(build(document.getScenario(), metrics.getMetrics(), heightMode.get()));
    }

    private StripData build(Scenario s, Metrics m, HeightMode mode) {
        ModelProfile p = s.profile();
        int n = p.unitCount();
        int[] stageOf = new int[n + 1];
        Arrays.fill(stageOf, -1);
        List<StripData.StageRow> rows = new ArrayList<>();
        List<Stage> stages = s.plan().stages();
        for (int k = 0; k < stages.size(); k++) {
            Stage st = stages.get(k);
            rows.add(new StripData.StageRow(k, st.firstUnit(), st.lastUnit(), st.node()));
            for (int u = Math.max(1, st.firstUnit()); u <= Math.min(n, st.lastUnit()); u++) {
                stageOf[u] = k;
            }
        }
        List<StripData.Bar> bars = new ArrayList<>(n);
        Map<String, Integer> colours = TopologyLayout.colours(s.topology(), s.view());
        double maxHeight = 0;
        double maxBytes = p.inputBytes();
        for (int u = 1; u <= n; u++) {
            Unit unit = p.unit(u);
            int k = stageOf[u];
            Node node = k < 0 ? null : s.topology().node(stages.get(k).node());
            double h = mode == HeightMode.FLOPS ? unit.flops() : seconds(unit, node);
            bars.add(new StripData.Bar(u, unit.name(), unit.kind(), h, unit.cutBytes(), k,
                    node == null ? -1 : colours.get(node.id())));
            maxHeight = Math.max(maxHeight, h);
            maxBytes = Math.max(maxBytes, unit.cutBytes());
        }
        return new StripData(bars, maxHeight, maxBytes, s.plan().cuts(), candidates(p), exits(s, m), rows,
                boundaries(p, widthMode.get()));
    }

    /**
     * Where each boundary lies across the strip, 0 (the input edge) to 1 (after the last unit).
     * Weighted widths keep a minimum share so that a unit with no FLOPs or weights stays grabbable.
     */
    static double[] boundaries(ModelProfile p, WidthMode mode) {
        int n = p.unitCount();
        double[] weight = new double[n];
        double total = 0;
        for (int u = 1; u <= n; u++) {
            Unit unit = p.unit(u);
            weight[u - 1] = switch (mode) {
                case EVEN -> 1;
                case FLOPS -> unit.flops();
                case PARAMS -> unit.paramBytes();
            };
            total += weight[u - 1];
        }
        double floor = total <= 0 ? 1 : 0.1 * total / Math.max(1, n);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weight[i] = mode == WidthMode.EVEN ? 1 : weight[i] + floor;
            sum += weight[i];
        }
        double[] at = new double[n + 1];
        for (int i = 0; i < n; i++) {
            at[i + 1] = at[i] + weight[i] / sum;
        }
        if (n > 0) {
            at[n] = 1;
        }
        return at;
    }

    /** The unit's time on its node, by the evaluator's rule; 0 where no node runs it. */
    private static double seconds(Unit unit, Node node) {
        return node == null ? 0 : Evaluator.unitSeconds(unit, node);
    }

    private List<Integer> candidates(ModelProfile p) {
        if (p != candidatesOf) {
            List<Integer> inside = new ArrayList<>();
            for (int c : new DnnSplitCandidates(p).cuts()) {
                if (c > 0 && c < p.unitCount()) {
                    inside.add(c);
                }
            }
            candidates = List.copyOf(inside);
            candidatesOf = p;
        }
        return candidates;
    }

    private static List<StripData.ExitMark> exits(Scenario s, Metrics m) {
        List<StripData.ExitMark> marks = new ArrayList<>();
        List<ExitHead> heads = s.profile().exits();
        for (int e = 0; e < heads.size(); e++) {
            ExitHead head = heads.get(e);
            EnabledExit enabled = null;
            for (EnabledExit x : s.plan().exits()) {
                if (x.exit().equals(head.id())) {
                    enabled = x;
                }
            }
            boolean terminal = head.id().equals(s.plan().terminalExit());
            Outcome o = m == null ? null : m.outcome(head.id());
            Double share = (enabled != null || terminal) && o != null ? o.probability() : null;
            ExitRange range = ExitRange.of(s.profile(), e);
            marks.add(new StripData.ExitMark(head.id(), head.afterUnit(), enabled != null, terminal,
                    enabled == null ? range.middle() : enabled.threshold(), range, share));
        }
        return marks;
    }
}
