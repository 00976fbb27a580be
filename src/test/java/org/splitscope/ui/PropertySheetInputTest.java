package org.splitscope.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.splitscope.model.Scenario;
import org.splitscope.ui.model.NodeKind;
import org.splitscope.ui.model.Quantity;
import org.splitscope.ui.model.Selection;
import org.splitscope.ui.view.QuantityField;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The property sheet's number fields read what is typed whole: the same table of good and bad
 * texts goes through every one of them; a good text is the number typed, a bad one changes
 * nothing and says why, naming the field. Each committed edit is one undo step.
 */
@ExtendWith(ApplicationExtension.class)
class PropertySheetInputTest {
    /** Texts no number field takes, whatever its unit and range. */
    private static final List<String> BAD = List.of("-5", "2,5", "1e3x", "abc", "", "1..2", "5 parsecs", "NaN",
            "1e999", "2 5");

    private MainWindow window;

    @Start
    void start(Stage stage) {
        window = TestWindows.show(stage);
    }

    /** Texts that all say the number v (whole when the field takes whole numbers) in the field's unit. */
    private static List<String> good(Quantity q, String v) {
        List<String> texts = new ArrayList<>(List.of(" " + v + " ", "+" + v,
                new BigDecimal(v).movePointRight(1).toPlainString() + "e-1", new BigDecimal(v).movePointLeft(3) + "E3"));
        if (!q.unit().symbol().isEmpty()) {
            texts.add(v + " " + q.unit().symbol());
            texts.add(v + q.unit().symbol());
        }
        return texts;
    }

    private List<QuantityField> fields(FxRobot robot) {
        return robot.lookup("#property-sheet .quantity-field").queryAllAs(QuantityField.class).stream().toList();
    }

    /** Opens the category a field is in: the sheet shows one category at a time. */
    private static void expand(FxRobot robot, Node field) {
        for (Node n = field; n != null; n = n.getParent()) {
            if (n instanceof TitledPane pane && !pane.isExpanded()) {
                robot.interact(() -> {
                    pane.setAnimated(false);
                    pane.setExpanded(true);
                });
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void commit(FxRobot robot, QuantityField f, String text) {
        expand(robot, f);
        robot.interact(() -> {
            f.requestFocus();
            f.setText(text);
        });
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Scenario scenario() {
        return window.explorer().document().getScenario();
    }

    @Test
    void everyNumberFieldOfTheSheetReadsTheSameTableOfTexts(FxRobot robot) {
        robot.interact(() -> window.explorer().topologyEditor().addNode(NodeKind.SERVERLESS));
        int checked = 0;
        for (Selection sel : List.of(Selection.link("end-edge"), Selection.node("edge"), Selection.node("function"))) {
            robot.interact(() -> window.explorer().topologyEditor().select(sel));
            List<QuantityField> fields = fields(robot);
            assertTrue(fields.size() >= 4, sel + " has number fields");
            for (QuantityField f : fields) {
                Quantity q = f.quantity();
                String v = q.integer() ? "2" : q.max() <= 1 ? "0.5" : "2.5";
                for (String text : good(q, v)) {
                    commit(robot, f, text);
                    assertEquals("", f.errorProperty().get(), q.field() + " takes '" + text + "'");
                    assertEquals(Double.parseDouble(v), f.valueProperty().get().doubleValue(), 1e-12, q.field() + " '" + text + "'");
                    assertEquals(v, f.getText(), q.field() + " shows the number read from '" + text + "'");
                }
                Scenario before = scenario();
                for (String text : BAD) {
                    commit(robot, f, text);
                    assertTrue(before.equals(scenario()), q.field() + ": '" + text + "' changes nothing");
                    assertEquals(text, f.getText(), q.field() + ": '" + text + "' stays as typed");
                    assertTrue(f.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")),
                            q.field() + ": '" + text + "' is marked");
                    String why = robot.lookup("#property-error").queryAs(Label.class).getText();
                    assertTrue(why.startsWith(q.field() + ": "), q.field() + ": '" + text + "' is explained: " + why);
                    assertTrue(f.getTooltip().getText().contains(q.range()), "the tooltip gives the range");
                }
                robot.interact(() -> f.setText(""));
                robot.type(KeyCode.ESCAPE);
                WaitForAsyncUtils.waitForFxEvents();
                assertEquals(v, f.getText(), q.field() + ": Escape puts the value back");
                assertFalse(f.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("invalid")));
                checked++;
            }
        }
        assertTrue(checked >= 14, "every number field was driven: " + checked);
    }

    @Test
    void typedKeystrokesAreReadWholeNeverDropped(FxRobot robot) {
        robot.interact(() -> window.explorer().topologyEditor().select(Selection.node("edge")));
        TextField compute = TestWindows.sheetField(robot, "Compute (GFLOP/s)");
        type(robot, compute, "1e3");
        assertEquals(1e12, scenario().topology().node("edge").flopsPerSecond(), "1e3 GFLOP/s, not 13");
        robot.interact(() -> window.explorer().topologyEditor().select(Selection.link("end-edge")));
        TextField bandwidth = TestWindows.sheetField(robot, "Bandwidth (Mb/s)");
        double before = scenario().topology().links().get(0).bandwidthBps();
        type(robot, bandwidth, "-5");
        assertEquals(before, scenario().topology().links().get(0).bandwidthBps(), "-5 Mb/s is refused, not read as 5");
        assertEquals("-5", bandwidth.getText());
        type(robot, bandwidth, "2,5");
        assertEquals(before, scenario().topology().links().get(0).bandwidthBps(), "2,5 is refused, not read as 25");
        type(robot, bandwidth, "1 Gb/s");
        assertEquals(1e9, scenario().topology().links().get(0).bandwidthBps());
        assertEquals("1000", bandwidth.getText());
    }

    @Test
    void eachCommittedEditIsOneUndoStep(FxRobot robot) {
        robot.interact(() -> window.explorer().topologyEditor().select(Selection.link("end-edge")));
        TextField bandwidth = TestWindows.sheetField(robot, "Bandwidth (Mb/s)");
        ToDoubleFunction<Scenario> bps = s -> s.topology().links().get(0).bandwidthBps();
        double initial = bps.applyAsDouble(scenario());
        String initialText = bandwidth.getText();
        for (String v : List.of("200", "50", "5", "1")) {
            type(robot, bandwidth, v);
        }
        assertEquals(1e6, bps.applyAsDouble(scenario()));
        for (double expected : new double[] {5e6, 50e6, 200e6, initial}) {
            robot.interact(window.explorer().document()::undo);
            assertEquals(expected, bps.applyAsDouble(scenario()), "one undo per committed edit");
        }
        assertEquals(initialText, bandwidth.getText(), "the field follows undo");
    }

    /**
     * Types into a field as a person does: select all, the keys, Enter. The field is focused
     * directly: a short window may have scrolled the row out of reach of a click.
     */
    private static void type(FxRobot robot, TextField field, String text) {
        expand(robot, field);
        robot.interact(field::requestFocus);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text)
                .type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }
}
