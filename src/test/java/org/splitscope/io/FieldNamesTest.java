package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldNamesTest {
    private static final List<String> LINK = List.of("id", "from", "to", "bandwidthBps", "latencySeconds", "usdPerGB");

    @Test
    void editDistance() {
        assertEquals(3, FieldNames.distance("kitten", "sitting"));
        assertEquals(0, FieldNames.distance("", ""));
        assertEquals(4, FieldNames.distance("", "from"));
    }

    @Test
    void suggestsTyposCaseSlipsAndMissingUnitSuffixes() {
        assertEquals("from", FieldNames.closest("form", LINK));
        assertEquals("usdPerGB", FieldNames.closest("usdpergb", LINK));
        assertEquals("latencySeconds", FieldNames.closest("latency", LINK));
        assertEquals("bandwidthBps", FieldNames.closest("bandwidthbps_", LINK));
    }

    @Test
    void suggestsNothingForUnrelatedNames() {
        assertNull(FieldNames.closest("colour", LINK));
        assertNull(FieldNames.closest("throughput", LINK));
    }
}
