package org.tribune.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

/** What a signed-in user may change on their own account. */
@Schema(
        name = "ProfileWrite",
        description = "The fields a user sets on their own account. Unknown fields are rejected.")
@RequestExample(patchName = "display name", patch = "{\"displayName\": \"Hélène B.\"}")
public record ProfileWrite(
        @NotBlank @Size(max = 100) @Schema(examples = "Hélène Bidard")
        String displayName,

        @Email @Size(max = 254) @Schema(nullable = true, format = "email")
        String email) {}
