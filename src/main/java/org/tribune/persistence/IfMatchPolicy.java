package org.tribune.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Whether a write without If-Match is refused (428): {@code tribune.require-if-match}. */
@ApplicationScoped
public class IfMatchPolicy {

    private final boolean required;

    public IfMatchPolicy(@ConfigProperty(name = "tribune.require-if-match") boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }
}
