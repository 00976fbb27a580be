package org.splitscope.ui.model;

import java.util.List;
import java.util.function.Consumer;
import java.util.prefs.Preferences;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.splitscope.model.Scenario;
import org.splitscope.optimize.PipelineObjective;

/**
 * The view-models of one explorer window, wired together: the document, its live metrics, the
 * editors and the panels' models. Views get this and bind to the parts they show.
 */
public final class Explorer {
    private final ScenarioDocument document;
    private final LiveMetrics metrics;
    private final PlanEditor planEditor;
    private final TopologyEditor topologyEditor;
    private final StripModel strip;
    private final SummaryModel summary;
    private final BackgroundWork work;
    private final SweepModel sweep;
    private final RecentFiles recent;
    private final OptimizeModel optimize;
    private final LessonModel lessons;
    private final ExplainModel explain;
    private final SnapshotsModel snapshots;
    private final WhatIfModel whatIf;
    private final SweepPanelModel sweeps;
    private final TestbedModel testbed;
    private final LayoutMemory layout;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(this, "theme", Theme.LIGHT);
    private final BooleanProperty presentation = new SimpleBooleanProperty(this, "presentation");

    /**
     * @param ui    runs UI updates from background work ({@code Platform::runLater} in the window)
     * @param prefs where recent files and the window's layout are remembered
     */
    public Explorer(Scenario initial, Consumer<Runnable> ui, Preferences prefs) {
        document = new ScenarioDocument(initial);
        metrics = new LiveMetrics(document.scenarioProperty());
        planEditor = new PlanEditor(document);
        topologyEditor = new TopologyEditor(document, metrics);
        strip = new StripModel(document, metrics);
        summary = new SummaryModel(metrics);
        work = new BackgroundWork(ui);
        sweep = new SweepModel(metrics, work);
        recent = new RecentFiles(prefs);
        optimize = new OptimizeModel(document, work, ui, List.of(new ExactChainMethod(),
                new PipelineMethod(PipelineObjective.BOTTLENECK), new PipelineMethod(PipelineObjective.COMMUNICATION),
                new ServerlessMethod()));
        lessons = new LessonModel(document, metrics);
        explain = new ExplainModel(metrics);
        snapshots = new SnapshotsModel(document, metrics);
        whatIf = new WhatIfModel(document, work);
        sweeps = new SweepPanelModel(document, work, ui);
        testbed = new TestbedModel(document, work, ui);
        layout = new LayoutMemory(prefs.node("layout"));
    }

    public TestbedModel testbed() {
        return testbed;
    }

    public ScenarioDocument document() {
        return document;
    }

    public LiveMetrics metrics() {
        return metrics;
    }

    public PlanEditor planEditor() {
        return planEditor;
    }

    public TopologyEditor topologyEditor() {
        return topologyEditor;
    }

    public StripModel strip() {
        return strip;
    }

    public SummaryModel summary() {
        return summary;
    }

    public BackgroundWork work() {
        return work;
    }

    public SweepModel sweep() {
        return sweep;
    }

    public RecentFiles recent() {
        return recent;
    }

    public OptimizeModel optimize() {
        return optimize;
    }

    public LessonModel lessons() {
        return lessons;
    }

    public SnapshotsModel snapshots() {
        return snapshots;
    }

    public ExplainModel explain() {
        return explain;
    }

    public WhatIfModel whatIf() {
        return whatIf;
    }

    public SweepPanelModel sweeps() {
        return sweeps;
    }

    /** Where the window's dividers sit and which regions are shown, remembered between runs. */
    public LayoutMemory layout() {
        return layout;
    }

    /** Large fonts for a projector; a view setting. */
    public BooleanProperty presentationProperty() {
        return presentation;
    }

    /** Light or dark; a view setting. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }
}
