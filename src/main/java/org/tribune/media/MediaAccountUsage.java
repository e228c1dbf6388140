package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.tribune.account.AccountUsage;

/** Media record who uploaded them: an account that uploaded some can only be deleted by handing them over. */
@ApplicationScoped
public class MediaAccountUsage implements AccountUsage {

    private final MediaRepository media;

    public MediaAccountUsage(MediaRepository media) {
        this.media = media;
    }

    @Override
    public long countAuthoredBy(UUID accountId) {
        return media.countByUploader(accountId);
    }

    @Override
    @Transactional
    public int reassign(UUID from, UUID to) {
        return media.reassignUploader(from, to, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
