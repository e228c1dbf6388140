package org.tribune.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

@Schema(name = "PasswordChange")
@RequestExample(
        name = "change",
        value =
                "{\"currentPassword\": \"une phrase de passe assez longue\", \"newPassword\": \"une autre phrase de passe\"}")
public record PasswordChange(
        @NotNull @Size(max = Passwords.MAX_LENGTH) @Schema(format = "password", writeOnly = true)
        String currentPassword,

        @NotNull
        @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH)
        @Schema(minLength = Passwords.MIN_LENGTH, format = "password", writeOnly = true)
        String newPassword) {}
