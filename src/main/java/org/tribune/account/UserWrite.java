package org.tribune.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

/** What an admin may change on an account. The password has endpoints of its own. */
@Schema(name = "UserWrite", description = "The fields an admin sets on an account. Unknown fields are rejected.")
@RequestExample(
        name = "user",
        value =
                "{\"username\": \"hbidard\", \"displayName\": \"Hélène Bidard\", \"email\": \"h.bidard@example.org\", \"role\": \"author\", \"active\": true}",
        patchName = "deactivate",
        patch = "{\"active\": false}")
public record UserWrite(
        @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_MESSAGE) @Schema(examples = "hbidard")
        String username,

        @NotBlank @Size(max = 100) @Schema(examples = "Hélène Bidard")
        String displayName,

        @Email @Size(max = 254) @Schema(nullable = true, format = "email")
        String email,

        @NotNull @Schema(description = "Demoting the last active admin gets 409.")
        AccountRole role,

        @Schema(
                nullable = true,
                description = "false deactivates the account: its access tokens and the API tokens it"
                        + " created stop working at once. Absent or null: true.")
        Boolean active) {

    public static final String USERNAME = "^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$";
    public static final String USERNAME_MESSAGE =
            "must be 3 to 40 letters, digits, dots, hyphens or underscores, starting with a letter or digit";
}
