package org.tribune.category;

import jakarta.inject.Singleton;
import org.tribune.fulltext.EntitySearchSource;
import org.tribune.fulltext.SearchDocument;

/** Categories are found by their name (the title) and description. */
@Singleton
class CategorySearch extends EntitySearchSource<Category> {

    CategorySearch(CategoryRepository categories) {
        super(
                CategoryService.RESOURCE_TYPE,
                Category.class,
                categories,
                c -> SearchDocument.of(
                        CategoryService.RESOURCE_TYPE,
                        c.id,
                        c.slug,
                        c.name,
                        c.description,
                        "",
                        null,
                        c.updatedAt,
                        c.sortName));
    }
}
