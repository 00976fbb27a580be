package org.splitscope.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record component that a scenario file may leave out; the record's compact constructor
 * supplies the default. Every component without it is required, which lets the file reader report
 * every missing field at once instead of failing on the first.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface OptionalField {
}
