package org.tribune.sync;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the changes feed, oldest first. */
@Schema(name = "ChangePage")
public record ChangePage(
        @Schema(required = true) List<ChangeItem> items,

        @Schema(
                required = true,
                description = "Where to continue: send it as `after` on the next request, now if `hasMore`, later to"
                        + " poll. Opaque; keep it with what you synced.")
        String next,

        @Schema(required = true, description = "Whether more changes are there already.")
        boolean hasMore) {}
