package org.splitscope.ui.view;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;

/**
 * Keeps a table's column titles whole: no column gets narrower than its title in the font it is
 * shown in (presentation mode's too); where the columns do not fit, the table scrolls sideways.
 */
final class WholeHeaders {
    /** Room for the header's border, which the title's own width leaves out. */
    private static final double BORDER = 4;

    private WholeHeaders() {
    }

    static void keep(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null) {
                // the headers exist once the skin has laid the table out
                Platform.runLater(() -> bindTitles(table));
            }
        });
    }

    private static void bindTitles(TableView<?> table) {
        for (Node n : table.lookupAll(".column-header")) {
            if (n instanceof TableColumnHeader header && header.getTableColumn() != null
                    && header.lookup(".label") instanceof Label title) {
                TableColumnBase<?, ?> column = header.getTableColumn();
                column.minWidthProperty().bind(Bindings.createDoubleBinding(
                        () -> Math.ceil(title.prefWidth(-1) + header.snappedLeftInset() + header.snappedRightInset() + BORDER),
                        title.fontProperty(), title.textProperty(), title.paddingProperty(), header.paddingProperty()));
            }
        }
    }
}
