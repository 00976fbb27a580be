package org.splitscope.ui.view;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.text.Text;

/**
 * Keeps a table's column titles whole: no column gets narrower than its title in the font it is
 * shown in (presentation mode's too), nor than the sample text given with {@link #sample}, such
 * as the widest figure it shows; where the columns do not fit, the table scrolls sideways.
 */
final class WholeHeaders {
    /** Room for the header's border, which the title's own width leaves out. */
    private static final double BORDER = 4;
    /** A cell's padding beyond the title's (modena: 0.166667em each side, about 6 px in all at 18 px). */
    private static final double CELL_PADDING = 8;

    private WholeHeaders() {
    }

    private static final String SAMPLE = "whole-headers.sample";

    /** Text the column must show whole, measured in the table's font. */
    static <C extends TableColumnBase<?, ?>> C sample(C column, String text) {
        column.getProperties().put(SAMPLE, text);
        return column;
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
                Object sample = column.getProperties().get(SAMPLE);
                column.minWidthProperty().bind(Bindings.createDoubleBinding(() -> {
                    double width = title.prefWidth(-1);
                    if (sample != null) {
                        Text text = new Text(sample.toString());
                        text.setFont(title.getFont());
                        width = Math.max(width, text.getLayoutBounds().getWidth() + title.snappedLeftInset()
                                + title.snappedRightInset() + CELL_PADDING);
                    }
                    return Math.ceil(width + header.snappedLeftInset() + header.snappedRightInset() + BORDER);
                }, title.fontProperty(), title.textProperty(), title.paddingProperty(), header.paddingProperty()));
            }
        }
    }
}
