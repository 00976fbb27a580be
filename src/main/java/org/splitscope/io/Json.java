package org.splitscope.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one Jackson configuration every SplitScope file is read and written with. */
public final class Json {
    /** The deepest nesting read; SplitScope's formats nest a few levels. */
    public static final int MAX_NESTING = 64;
    /**
     * The most entries in any one list (units, nodes, links, stages, samples): far above real
     * models and clusters, low enough that reading, checking and evaluating stay quick.
     */
    public static final int MAX_LIST_ENTRIES = 100_000;
    /** The most values (numbers, texts, objects, lists) in one file; its tree is then some 100 MB at most. */
    public static final long MAX_VALUES = 2_000_000;
    /** The most digits in one number: far beyond any double, short enough to parse at once. */
    public static final int MAX_NUMBER_DIGITS = 400;

    // limits consistent with the file limit: any text value a file within it can hold is read
    // (names are bounded where they are shown), deeper nesting and longer numbers are refused
    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength((int) InputFiles.MAX_TEXT_BYTES)
                            .maxDocumentLength(InputFiles.MAX_TEXT_BYTES)
                            .maxNestingDepth(MAX_NESTING)
                            .maxNumberLength(MAX_NUMBER_DIGITS)
                            .build())
                    .build())
            // NaN and Infinity are read so that validation can name the field, instead of a parse error
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
