package org.tribune.category;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.tribune.media.MediaService;
import org.tribune.persistence.ChangeLog;
import org.tribune.persistence.Changed;
import org.tribune.site.PermalinkKind;
import org.tribune.site.SiteFootprint;
import org.tribune.site.SiteService;

/** Records categories as changed when the settings move their permalinks, or their sharing image is edited. */
@ApplicationScoped
class CategoryDependents {

    private final CategoryRepository categories;
    private final ChangeLog log;

    CategoryDependents(CategoryRepository categories, ChangeLog log) {
        this.categories = categories;
        this.log = log;
    }

    void record(@Observes Changed change) {
        if (change.isUpdate() && change.is(MediaService.RESOURCE_TYPE)) {
            categories.sharing(change.id()).forEach(id -> log.recordEmbedded(CategoryService.RESOURCE_TYPE, id));
        } else if (change.isUpdate()
                && change.is(SiteService.RESOURCE_TYPE)
                && SiteFootprint.moves(
                        change.before(SiteFootprint.class),
                        change.after(SiteFootprint.class),
                        PermalinkKind.category)) {
            categories.allIds().forEach(id -> log.recordEmbedded(CategoryService.RESOURCE_TYPE, id));
        }
    }
}
