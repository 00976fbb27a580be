package org.splitscope.perf;

/** Active energy per request on a tier-0 node that states its power (radio and idle not counted). */
public record EnergyUse(String node, double joulesPerRequest) {
}
