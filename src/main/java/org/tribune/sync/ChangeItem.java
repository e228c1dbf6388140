package org.tribune.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.category.CategoryView;
import org.tribune.honor.AwardView;
import org.tribune.honor.HonoraryCitizenView;
import org.tribune.honor.PrizeView;
import org.tribune.media.MediaView;
import org.tribune.post.PostView;
import org.tribune.site.SiteSettingsView;

/** One change of the feed: apply it by keeping or dropping the resource it names. */
@Schema(name = "Change")
public record ChangeItem(
        @Schema(
                required = true,
                enumeration = {"post", "category", "media", "honorary-citizen", "prize", "award", "site"})
        String type,

        @Schema(required = true) UUID id,

        @Schema(
                required = true,
                description = "`upsert`: the resource is readable, at this version; fetch it, or use"
                        + " `resource`. `remove`: it is gone from what the scope shows (deleted, trashed, back to"
                        + " draft): drop it.")
        ChangeKind action,

        @Schema(required = true, description = "When it changed.")
        Instant at,

        @Schema(
                required = true,
                nullable = true,
                description = "The resource's version now, for an `upsert`; its last one for a `remove`, or null"
                        + " when it is not known.")
        Long version,

        @Schema(
                title = "ChangedResource",
                description = "With `include=resource`, for an `upsert`: the resource as a GET of it returns it now,"
                        + " for the scope.",
                oneOf = {
                    PostView.class,
                    CategoryView.class,
                    MediaView.class,
                    HonoraryCitizenView.class,
                    PrizeView.class,
                    AwardView.class,
                    SiteSettingsView.class
                })
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Object resource) {}
