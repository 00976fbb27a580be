package org.splitscope.ui.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.splitscope.explain.Explanation;
import org.splitscope.explain.Explanation.Section;
import org.splitscope.model.Plan;
import org.splitscope.model.Scenario;
import org.splitscope.model.Stage;
import org.splitscope.ui.DefaultScenario;

/**
 * The Explain panel's model follows every edit while shown, works nothing out while hidden (on a
 * 50-board cluster each explanation took a quarter of a second per edit), and catches up when shown.
 */
class ExplainModelTest {
    private final Scenario original = DefaultScenario.load();
    private final ScenarioDocument doc = new ScenarioDocument(original);
    private final LiveMetrics metrics = new LiveMetrics(doc.scenarioProperty());
    private final ExplainModel explain = new ExplainModel(metrics);

    private List<Section> explanationOf(Scenario s) {
        return new Explanation(s, metrics.getMetrics()).sections();
    }

    /** The same model, every unit on the plan's last node: another plan, another explanation. */
    private Scenario allOnOneNode(Scenario s) {
        List<Stage> stages = s.plan().stages();
        String node = stages.get(stages.size() - 1).node();
        return s.withPlan(new Plan(List.of(new Stage(1, s.profile().units().size(), node))));
    }

    @Test
    void hiddenEditsAreExplainedOnlyWhenThePanelIsShownAgain() {
        assertEquals(explanationOf(original), explain.sectionsProperty());
        List<Section> before = List.copyOf(explain.sectionsProperty());

        explain.activeProperty().set(false);
        doc.edit("test", ExplainModelTest.this::allOnOneNode);
        Scenario edited = doc.getScenario();
        assertNotEquals(original, edited);
        assertEquals(before, explain.sectionsProperty(), "nothing worked out while hidden");

        explain.activeProperty().set(true);
        assertEquals(explanationOf(edited), explain.sectionsProperty());
        assertNotEquals(before, explain.sectionsProperty(), "shown again: the edited plan's explanation");

        doc.edit("test2", s -> original);
        assertEquals(explanationOf(original), explain.sectionsProperty(), "while shown it follows every edit");
    }
}
