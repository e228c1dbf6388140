package org.tribune.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

@Schema(name = "UserCreate", description = "A new account. Unknown fields are rejected.")
@RequestExample(name = "editor", value = """
            {"username": "hbidard", "displayName": "Hélène Bidard", "email": "h.bidard@example.org", "role": "editor",
             "password": "une phrase de passe assez longue"}""")
public record UserCreate(
        @NotBlank
        @Pattern(regexp = UserWrite.USERNAME, message = UserWrite.USERNAME_MESSAGE)
        @Schema(examples = "hbidard", description = "Unique, ignoring case; stored in lower case.")
        String username,

        @NotBlank @Size(max = 100) @Schema(examples = "Hélène Bidard")
        String displayName,

        @Email @Size(max = 254) @Schema(nullable = true, format = "email", description = "Unique, ignoring case.")
        String email,

        @NotNull AccountRole role,

        @NotNull
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        @Schema(minLength = Passwords.MIN_LENGTH, format = "password", writeOnly = true)
        String password,

        @Schema(nullable = true, description = "Absent or null: true.")
        Boolean active) {}
