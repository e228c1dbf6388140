package org.tribune.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import org.tribune.common.Slugs;

/**
 * The public URL of each item, as the site's settings say at one version of them. A permalink is null when it cannot
 * be known yet: no base URL is set for a pattern that needs one, or a post's pattern uses a date it does not have.
 *
 * @param baseUrl without a trailing slash; null until an admin sets it
 * @param zone the site's time zone, in which a post's date placeholders are read
 */
public record Permalinks(String baseUrl, ZoneId zone, Map<PermalinkKind, PermalinkPattern> patterns) {

    public String post(String slug, UUID id, Instant publishedAt) {
        PermalinkPattern pattern = patterns.get(PermalinkKind.post);
        Map<String, String> values = new java.util.HashMap<>(Map.of("slug", slug, "id", id.toString()));
        if (publishedAt != null) {
            ZonedDateTime local = publishedAt.atZone(zone);
            values.put("yyyy", String.format("%04d", local.getYear()));
            values.put("mm", String.format("%02d", local.getMonthValue()));
            values.put("dd", String.format("%02d", local.getDayOfMonth()));
        } else if (pattern.parts().contains("yyyy")
                || pattern.parts().contains("mm")
                || pattern.parts().contains("dd")) {
            return null;
        }
        return expand(pattern, values);
    }

    public String category(String slug, UUID id) {
        return expand(patterns.get(PermalinkKind.category), Map.of("slug", slug, "id", id.toString()));
    }

    /** Tags are free words; their pages are named by the tag's slug. */
    public String tag(String tag) {
        return expand(patterns.get(PermalinkKind.tag), Map.of("slug", Slugs.slugify(tag, "tag")));
    }

    public String honoraryCitizen(String slug, UUID id) {
        return expand(patterns.get(PermalinkKind.honoraryCitizen), Map.of("slug", slug, "id", id.toString()));
    }

    public String prize(String slug, UUID id) {
        return expand(patterns.get(PermalinkKind.prize), Map.of("slug", slug, "id", id.toString()));
    }

    public String award(UUID id, String prizeSlug, int year) {
        return expand(
                patterns.get(PermalinkKind.award),
                Map.of("id", id.toString(), "prize", prizeSlug, "year", Integer.toString(year)));
    }

    /** The site's home page; null until the base URL is set. */
    public String home() {
        return baseUrl == null ? null : baseUrl + "/";
    }

    private String expand(PermalinkPattern pattern, Map<String, String> values) {
        if (!pattern.relative()) {
            return pattern.expand(values);
        }
        return baseUrl == null ? null : baseUrl + pattern.expand(values);
    }
}
