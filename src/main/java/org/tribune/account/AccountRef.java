package org.tribune.account;

import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How other resources name an account: a post's author, an API token's creator. */
@Schema(name = "AccountRef")
public record AccountRef(
        @Schema(required = true) UUID id,
        @Schema(required = true, examples = "Hélène Bidard") String displayName) {}
