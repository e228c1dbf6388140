package org.tribune.account;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "TokenResponse")
public record TokenResponse(
        @Schema(
                required = true,
                description = "A signed JWT carrying the account id (sub) and role. Send it as"
                        + " `Authorization: Bearer <accessToken>`.")
        String accessToken,

        @Schema(required = true, enumeration = "Bearer") String tokenType,

        @Schema(required = true, description = "Seconds until the token expires.", examples = "3600")
        long expiresIn) {}
