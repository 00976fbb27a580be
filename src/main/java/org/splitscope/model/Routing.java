package org.splitscope.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a transfer between two nodes finds its way over the links. */
public enum Routing {
    /** The route of least total time for the transfer's size, relaying through other nodes where that is faster. */
    @JsonProperty("least-time") LEAST_TIME,
    /**
     * Only the direct link between the two nodes (as SEIFER's clusters and Wi-Fi peers behave);
     * two nodes without one cannot exchange data.
     */
    @JsonProperty("direct") DIRECT
}
