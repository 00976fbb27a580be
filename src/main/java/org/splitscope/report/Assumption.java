package org.splitscope.report;

/**
 * One assumption or approximation in force for a report's figures.
 *
 * @param topic  a short name, e.g. "Exit statistics"
 * @param detail what holds for this scenario and what it means for the figures
 */
public record Assumption(String topic, String detail) {
}
