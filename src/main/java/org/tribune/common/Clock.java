package org.tribune.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The one source of the current time: stored times, visibility, expiry and retention all read it, so that a test
 * that moves it moves all of them together.
 */
@ApplicationScoped
public class Clock {

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** Today's date in UTC, for rules on dates such as "not in the future". */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneOffset.UTC);
    }
}
