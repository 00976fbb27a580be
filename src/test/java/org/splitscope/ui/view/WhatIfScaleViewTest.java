package org.splitscope.ui.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.model.Link;
import org.splitscope.model.Node;
import org.splitscope.model.Scenario;
import org.splitscope.model.Topology;
import org.splitscope.ui.model.BackgroundWork;
import org.splitscope.ui.model.ScenarioDocument;
import org.splitscope.ui.model.WhatIfFactor;
import org.splitscope.ui.model.WhatIfModel;
import org.splitscope.zoo.SampleScenarios;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The what-if sliders of a 50-board SEIFER cluster (complete graph: 1,225 links, 2,550 factors):
 * only the rows on screen are made (2,550 slider rows took seconds and half a gigabyte to open),
 * and a row reused for another factor shows and moves that factor.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfScaleViewTest {
    private static final int BOARDS = 50;
    private WhatIfModel model;
    private WhatIfScaleView view;

    /** SEIFER's cluster with 50 boards, every pair linked. */
    static Scenario seifer(int boards) {
        Scenario s = SampleScenarios.seiferEdgeCluster();
        List<Node> nodes = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        for (int i = 1; i <= boards; i++) {
            nodes.add(new Node("pi" + i, 0, "rpi4", 8e9));
            for (int j = i + 1; j <= boards; j++) {
                links.add(new Link("pi" + i, "pi" + j, (40 + 20 * ((i + j) % 5)) * 1e6, 0.002));
            }
        }
        return s.withTopology(new Topology(nodes, links, "pi1", null, null));
    }

    @Start
    void start(Stage stage) {
        model = new WhatIfModel(new ScenarioDocument(seifer(BOARDS)), new BackgroundWork(Platform::runLater));
        view = new WhatIfScaleView(model);
        stage.setScene(new Scene(view, 1280, 720));
        stage.show();
    }

    private ListView<?> list() {
        return (ListView<?>) view.lookup("#whatif-sliders");
    }

    private Slider slider(WhatIfFactor f) {
        return (Slider) view.lookup("#" + WhatIfScaleView.sliderId(f));
    }

    private String valueText(WhatIfFactor f) {
        return ((Label) view.lookup("#" + WhatIfScaleView.sliderId(f) + "-value")).getText();
    }

    @Test
    void onlyTheRowsOnScreenAreMadeAndEachShowsItsOwnFactor(FxRobot robot) {
        List<WhatIfFactor> factors = model.factorsProperty();
        assertEquals(BOARDS * (BOARDS - 1), WhatIfModel.parametersOf(seifer(BOARDS)).stream()
                .filter(p -> p.kind().name().startsWith("LINK")).count(), "two factors per link");
        WaitForAsyncUtils.waitForFxEvents();
        int made = view.lookupAll(".slider").size();
        assertTrue(made > 0 && made < 100, made + " slider rows made for " + factors.size() + " factors");

        WhatIfFactor first = factors.get(0);
        WhatIfFactor last = factors.get(factors.size() - 1);
        robot.interact(() -> first.factorProperty().set(0.5));
        assertEquals(Math.log10(0.5), slider(first).getValue(), 1e-12);
        assertEquals(first.text(), valueText(first));

        robot.interact(() -> list().scrollTo(factors.size() - 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(view.lookupAll(".slider").size() < 100, "scrolling makes no more rows");
        Slider end = slider(last);
        assertNotNull(end, "the last factor's row is on screen");
        assertEquals(0, end.getValue(), 1e-12, "a reused row starts from its own factor, not the first's");
        robot.interact(() -> end.setValue(-1));
        assertEquals(0.1, last.factor(), 1e-12);
        assertEquals(last.text(), valueText(last));
        assertEquals(0.5, first.factor(), 1e-12, "moving a reused row moves only its factor");

        robot.interact(() -> list().scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(Math.log10(0.5), slider(first).getValue(), 1e-12);
        assertEquals(first.text(), valueText(first));
    }
}
