package org.tribune;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.tribune.web.UriCheck;

/**
 * Tribune's entry point. Quarkus checks every request's URI in its root handler and answers a malformed one (bad
 * percent-encoding) with a bare 400 before any handler of ours can run. That check is skipped only by this
 * JVM-wide property, read once when Quarkus's HTTP recorder loads, so it is set before Quarkus starts; the same
 * check is then done by {@link org.tribune.web.UriCheck}, which answers with a problem.
 */
@QuarkusMain
public final class TribuneMain {

    private TribuneMain() {}

    public static void main(String... args) {
        System.setProperty(UriCheck.QUARKUS_CHECK_OFF, "true");
        Quarkus.run(args);
    }
}
