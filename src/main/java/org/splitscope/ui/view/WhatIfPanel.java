package org.splitscope.ui.view;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import org.splitscope.chart.ChartPalette;
import org.splitscope.chart.PlanRegionChart;
import org.splitscope.chart.PlanSweepChart;
import org.splitscope.ui.model.SweepPanelModel;
import org.splitscope.ui.model.WhatIfModel;

/**
 * The What-if tab: "Scale" (log sliders over the topology with the current and the best plan side
 * by side) and "Sweep" (one parameter as curves, two as a map of best plans). The sliders' model
 * computes only while the Scale page is on screen.
 */
public final class WhatIfPanel extends TabPane {
    private final WhatIfScaleView scale;
    private final WhatIfSweepView sweep;
    private final Tab scaleTab;

    public WhatIfPanel(WhatIfModel whatIf, SweepPanelModel sweeps) {
        setId("whatif-panel");
        scale = new WhatIfScaleView(whatIf);
        sweep = new WhatIfSweepView(sweeps);
        scaleTab = new Tab("Scale", scale);
        scaleTab.setId("tab-whatif-scale");
        // the chart keeps a readable height; where the tab is shorter (1280x720) the page scrolls
        javafx.scene.control.ScrollPane sweepScroll = new javafx.scene.control.ScrollPane(sweep);
        sweepScroll.setId("whatif-sweep-scroll");
        sweepScroll.setFitToWidth(true);
        sweepScroll.setFitToHeight(true);
        sweepScroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        Tab sweepTab = new Tab("Sweep", sweepScroll);
        sweepTab.setId("tab-whatif-sweep");
        getTabs().addAll(scaleTab, sweepTab);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        sweeps.runningProperty().addListener((o, was, now) -> {
            if (now) {
                getSelectionModel().select(sweepTab);
            }
        });
    }

    /** The panel in a tab of the window; the sliders compute while both that tab and their page are shown. */
    public static Tab tab(WhatIfPanel panel, WhatIfModel whatIf) {
        Tab tab = new Tab("What-if", panel);
        tab.setId("tab-whatif");
        whatIf.activeProperty().bind(tab.selectedProperty().and(panel.scaleTab.selectedProperty()));
        return tab;
    }

    /** Objectives by their labels ("mean latency"), as the Optimize panel names them. */
    static javafx.util.StringConverter<org.splitscope.optimize.Objective> objectiveNames() {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(org.splitscope.optimize.Objective o) {
                return o == null ? "" : o.label();
            }

            @Override
            public org.splitscope.optimize.Objective fromString(String text) {
                return java.util.Arrays.stream(org.splitscope.optimize.Objective.values())
                        .filter(o -> o.label().equals(text)).findFirst().orElse(null);
            }
        };
    }

    public void applyPalette(ChartPalette palette) {
        sweep.applyPalette(palette);
    }

    public PlanSweepChart sweepChart() {
        return sweep.curves();
    }

    public PlanRegionChart regionChart() {
        return sweep.map();
    }
}
