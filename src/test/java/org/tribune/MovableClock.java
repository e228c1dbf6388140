package org.tribune;

import io.quarkus.test.junit.QuarkusMock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.tribune.common.Clock;

/**
 * The application's clock, moved by a test instead of waiting. Installed for one test only; moving it also drops
 * the cached access tokens, which the moved clock would see as expired.
 */
public class MovableClock extends Clock {

    private Duration offset = Duration.ZERO;

    /** Replaces the application's clock for the current test. */
    public static MovableClock install() {
        MovableClock clock = new MovableClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    @Override
    public Instant now() {
        return Instant.now().plus(offset).truncatedTo(ChronoUnit.MILLIS);
    }

    public void advance(Duration by) {
        offset = offset.plus(by);
        ApiTestSupport.forgetTokens();
    }
}
