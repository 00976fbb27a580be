package org.splitscope.model;

/** An exit the plan deploys, by its id, with the threshold its criterion uses. */
public record EnabledExit(String exit, double threshold) {
}
