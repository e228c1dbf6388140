package org.tribune.media;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.tribune.account.AccountUsage;

/** Media record who uploaded them: an account that uploaded some can only be deleted by handing them over. */
@ApplicationScoped
public class MediaAccountUsage implements AccountUsage {

    private final MediaRepository media;
    private final MediaService service;

    public MediaAccountUsage(MediaRepository media, MediaService service) {
        this.media = media;
        this.service = service;
    }

    @Override
    public long countAuthoredBy(UUID accountId) {
        return media.countByUploader(accountId);
    }

    @Override
    @Transactional
    public int reassign(UUID from, UUID to) {
        return service.reassignUploader(from, to);
    }
}
