package org.splitscope.perf;

/** The expected dollars per request charged by one resource. */
public record CostItem(String resource, Kind kind, double usdPerRequest) {
    public enum Kind {
        /** perHour / 3600 x busy seconds. */
        DEDICATED,
        /** request fee plus billed GB-seconds, over the requests that reach the stage. */
        SERVERLESS,
        /** bytes crossing a priced link. */
        EGRESS
    }
}
