package org.tribune.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code JsonNode} body as an RFC 7396 merge patch of a write record: the spec documents it as that
 * record's {@code XPatch} schema with the record's patch example (see {@link OpenApiConventions}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MergePatchOf {
    Class<? extends Record> value();
}
