package org.tribune;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Contact;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tribune.web.Problem;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "Tribune API",
                        version = "1",
                        description =
                                "Headless CMS for public institutions and elected officials: posts, categories and more,"
                                        + " as JSON. The conventions every operation follows (paging, ETags, caching, errors) are"
                                        + " served by each instance at [/docs/api-conventions.md](/docs/api-conventions.md). This"
                                        + " document is also served as JSON at `/q/openapi?format=json`.",
                        contact = @Contact(name = "The team that runs this Tribune instance"),
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "The instance that serves this document."),
        externalDocs =
                @ExternalDocumentation(
                        description = "API conventions: paging, sorting, ETags, caching, errors, slugs",
                        url = "/docs/api-conventions.md"),
        tags = {
            @Tag(name = "Posts", description = "Dated articles with HTML content, filed in categories and tagged."),
            @Tag(name = "Categories", description = "A tree of categories to file posts in."),
            @Tag(name = "Media", description = "Images and PDF documents, stored without metadata, with image sizes."),
            @Tag(
                    name = "Honorary citizens",
                    description = "People the city made honorary citizens by a vote of its council."),
            @Tag(
                    name = "Awards",
                    description =
                            "Prizes the city gives, and their laureates and special mentions by year and category."),
            @Tag(
                    name = "Site",
                    description = "The site's settings, and the public outputs made from them: feeds and sitemap."),
            @Tag(name = "Authentication", description = "Signing in for an access token."),
            @Tag(name = "Users", description = "Accounts of the people who write and run the site."),
            @Tag(
                    name = "API tokens",
                    description = "Long-lived tokens for build pipelines, static-site generators and preview servers.")
        },
        components =
                @Components(
                        schemas = @Schema(name = "Problem", implementation = Problem.class),
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "bearer",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "bearer",
                                        bearerFormat = "JWT or API token",
                                        description =
                                                "An access token from POST /api/v1/auth/token, or an API token (trb_...).")))
public class TribuneApplication extends Application {}
