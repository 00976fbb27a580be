package org.splitscope.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Jackson's own limits agree with the file limit, and its refusals reach the user in words. */
class JsonLimitsTest {
    @Test
    void aTextValueBeyondJacksonsDefaultButWithinTheFileLimitIsRead() {
        // Jackson refuses strings over 20 M characters by default, naming StreamReadConstraints
        String name = "n".repeat(21_000_000);
        Loaded<?> parsed = JsonFiles.parseObject("{\"name\": \"" + name + "\"}");
        assertTrue(parsed.isOk(), parsed.problems()::toString);
    }

    @Test
    void deepNestingIsRefusedWithTheLimitInWords() {
        String deep = "{\"a\":" + "[".repeat(Json.MAX_NESTING + 5) + "]".repeat(Json.MAX_NESTING + 5) + "}";
        String m = onlyMessage(JsonFiles.parseObject(deep));
        assertTrue(m.contains("nested more than " + Json.MAX_NESTING + " levels"), m);
        assertTrue(m.contains("at line 1"), m);
    }

    @Test
    void aNumberWithTooManyDigitsIsRefusedWithTheLimitInWords() {
        String m = onlyMessage(JsonFiles.parseObject("{\"a\": " + "9".repeat(5000) + "}"));
        assertTrue(m.contains("more than " + Json.MAX_NUMBER_DIGITS + " digits"), m);
    }

    @Test
    void aListOverTheLimitIsRefusedBeforeTheTreeIsBuilt() {
        String units = "{\"profile\": {\"units\": [" + "{},".repeat(Json.MAX_LIST_ENTRIES) + "{}]}}";
        String m = onlyMessage(JsonFiles.parseObject(units));
        assertEquals("the list 'profile.units' at line 1 holds more than 100,000 entries, the limit for any list"
                + " in a SplitScope file", m);
        assertTrue(JsonFiles.parseObject("{\"a\": [" + "0,".repeat(Json.MAX_LIST_ENTRIES - 1) + "0]}").isOk());
    }

    @Test
    void aFileOverTheValueLimitIsRefused() {
        String many = "{" + java.util.stream.IntStream.range(0, 40).mapToObj(i -> "\"l" + i + "\": ["
                + "1,".repeat(60_000) + "1]").collect(java.util.stream.Collectors.joining(",")) + "}";
        assertTrue(onlyMessage(JsonFiles.parseObject(many)).startsWith("the file holds more than 2,000,000 values"));
    }

    @Test
    void syntaxErrorsKeepTheirPositionAndNameNoLibraryClass() {
        String m = onlyMessage(JsonFiles.parseObject("{\n  \"a\": tru }"));
        assertTrue(m.startsWith("not valid JSON at line 2"), m);
        assertFalse(m.contains("com.fasterxml") || m.contains("Exception") || m.contains("`"), m);
    }

    private static String onlyMessage(Loaded<?> r) {
        assertFalse(r.isOk());
        assertEquals(1, r.problems().size());
        String m = r.problems().get(0).message();
        assertFalse(m.contains("StreamReadConstraints") || m.contains("Exception"), m);
        return m;
    }
}
