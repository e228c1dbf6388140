package org.tribune.post;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tribune.common.Clock;

/** A clock the tests move forward, installed with QuarkusMock in place of the real one. */
class MovableTime extends Clock {

    private Duration offset = Duration.ZERO;

    @Override
    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    void advance(Duration by) {
        offset = offset.plus(by);
    }
}
