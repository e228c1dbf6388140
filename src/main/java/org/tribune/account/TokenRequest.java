package org.tribune.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.tribune.web.RequestExample;

@Schema(name = "TokenRequest")
@RequestExample(name = "sign in", value = "{\"username\": \"admin\", \"password\": \"correct horse battery staple\"}")
public record TokenRequest(
        @NotNull @Size(min = 1, max = 254) @Schema(examples = "admin")
        String username,

        @NotNull @Size(min = 1, max = Passwords.MAX_LENGTH) @Schema(format = "password", writeOnly = true)
        String password) {}
