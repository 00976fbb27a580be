package org.splitscope.ui.view;

import java.util.List;
import java.util.Optional;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import org.splitscope.model.Problem;

/** The window's dialogs. Errors never block (the GUI stays usable); questions wait for an answer. */
public final class Dialogs {
    /** Problems shown in full in a dialog; the rest are counted. */
    static final int SHOWN_PROBLEMS = 15;

    public enum UnsavedChoice { SAVE, DISCARD, CANCEL }

    private Dialogs() {
    }

    public static Alert error(Window owner, String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("SplitScope");
        a.setHeaderText(header);
        a.getDialogPane().setId("error-dialog");
        a.show();
        return a;
    }

    /** Every problem of a file, each with its JSON path, in an error dialog. */
    public static Alert problems(Window owner, String header, List<Problem> problems) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN_PROBLEMS, problems.size()); i++) {
            text.append(problems.get(i)).append('\n');
        }
        if (problems.size() > SHOWN_PROBLEMS) {
            text.append("… and ").append(problems.size() - SHOWN_PROBLEMS).append(" more");
        }
        return error(owner, header, text.toString().strip());
    }

    public static UnsavedChoice askUnsaved(Window owner, String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Your changes will be lost if you don't save them.",
                save, discard, ButtonType.CANCEL);
        a.initOwner(owner);
        a.setTitle("SplitScope");
        a.setHeaderText("Save the changes to " + name + "?");
        a.getDialogPane().setId("unsaved-dialog");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return UnsavedChoice.CANCEL;
        }
        return answer.get() == save ? UnsavedChoice.SAVE : UnsavedChoice.DISCARD;
    }

    public static void about(Window owner) {
        Alert a = new Alert(Alert.AlertType.INFORMATION,
                "What-if explorer for partitioned DNN inference: cut a model, place the pieces on devices, edge "
                        + "and cloud, enable early exits, and watch latency, accuracy, cost and throughput move.\n\n"
                        + "Performance model after PORTEND, DNNSplit, SEIFER and MOPAR.", ButtonType.OK);
        a.initOwner(owner);
        a.setTitle("About SplitScope");
        a.setHeaderText("SplitScope 0.1.0");
        a.show();
    }
}
