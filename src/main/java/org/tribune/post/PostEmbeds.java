package org.tribune.post;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.tribune.account.AccountRef;
import org.tribune.account.AccountService;
import org.tribune.category.CategoryRef;
import org.tribune.category.CategoryService;
import org.tribune.honor.AwardRef;
import org.tribune.honor.AwardService;
import org.tribune.honor.HonoraryCitizenRef;
import org.tribune.honor.HonoraryCitizenService;
import org.tribune.media.MediaRef;
import org.tribune.media.MediaService;

/**
 * What a post embeds from other features (categories, author, media, honorary citizens, awards): their summaries,
 * one statement per kind for any number of posts, and which of the ids a write names exist.
 */
@ApplicationScoped
class PostEmbeds {

    private final CategoryService categories;
    private final AccountService accounts;
    private final MediaService media;
    private final HonoraryCitizenService citizens;
    private final AwardService awards;

    PostEmbeds(
            CategoryService categories,
            AccountService accounts,
            MediaService media,
            HonoraryCitizenService citizens,
            AwardService awards) {
        this.categories = categories;
        this.accounts = accounts;
        this.media = media;
        this.citizens = citizens;
        this.awards = awards;
    }

    record Refs(
            Map<UUID, CategoryRef> categories,
            Map<UUID, AccountRef> authors,
            Map<UUID, MediaRef> media,
            Map<UUID, HonoraryCitizenRef> citizens,
            Map<UUID, AwardRef> awards) {}

    Refs load(
            Collection<UUID> categoryIds,
            Collection<UUID> authorIds,
            Collection<UUID> mediaIds,
            Collection<UUID> citizenIds,
            Collection<UUID> awardIds) {
        return new Refs(
                categories.refs(categoryIds),
                accounts.refs(authorIds),
                media.refs(mediaIds),
                citizens.refs(citizenIds),
                awards.refs(awardIds));
    }

    Set<UUID> existingCategories(Collection<UUID> ids) {
        return categories.existing(ids);
    }

    Set<UUID> existingMedia(Collection<UUID> ids) {
        return media.existing(ids);
    }

    Set<UUID> existingCitizens(Collection<UUID> ids) {
        return citizens.existing(ids);
    }

    Set<UUID> existingAwards(Collection<UUID> ids) {
        return awards.existing(ids);
    }

    Set<UUID> categoryIdsBySlugs(Collection<String> slugs) {
        return categories.idsBySlugs(slugs);
    }

    Set<UUID> citizenIdsBySlugs(Collection<String> slugs) {
        return citizens.idsBySlugs(slugs);
    }
}
