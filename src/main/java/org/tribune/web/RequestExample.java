package org.tribune.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The example a request record shows in the spec, wherever an operation takes it as its JSON body, and the example
 * of its merge patch ({@code XPatch} for {@code XWrite}). {@link OpenApiConventions} writes them into each request
 * body, so that resource methods declare only the record.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RequestExample {

    /** The example's name in the spec. */
    String name() default "example";

    /** The example body, as JSON; empty when the record is only sent as a patch. */
    String value() default "";

    /** The name of the merge-patch example, when the record has a patch. */
    String patchName() default "example";

    /** An example merge patch, as JSON; empty when the record has no patch. */
    String patch() default "";
}
