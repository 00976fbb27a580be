package org.splitscope.ui.view;

/** What a stage label of the model strip carries while it is dragged onto a node of the topology. */
record StageDrag(int stage) {
}
