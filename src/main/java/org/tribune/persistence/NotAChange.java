package org.tribune.persistence;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a statement that keeps bookkeeping (a last sign-in, a token's last use, a rehashed password) rather than
 * changing a resource: it bypasses the write pipeline, moves no version and records nothing in the change log,
 * so that reading or signing in never conflicts with an editor's write. The architecture test allows only these.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface NotAChange {
    /** Why this is bookkeeping. */
    String value();
}
