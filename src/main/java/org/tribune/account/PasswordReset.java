package org.tribune.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PasswordReset")
public record PasswordReset(
        @NotNull
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        @Schema(
                required = true,
                minLength = Passwords.MIN_LENGTH,
                maxLength = Passwords.MAX_LENGTH,
                format = "password",
                writeOnly = true)
        String newPassword) {}
