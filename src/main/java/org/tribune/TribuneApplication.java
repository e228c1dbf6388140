package org.tribune;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.tribune.web.Problem;

@OpenAPIDefinition(
        info = @Info(title = "Tribune API", version = "1",
                description = "Headless CMS for public institutions and elected officials: posts, categories and more,"
                        + " as JSON. Conventions (paging, ETags, errors) are described in docs/api-conventions.md.",
                license = @License(name = "Apache-2.0")),
        tags = {
                @Tag(name = "Posts", description = "Dated articles with HTML content, filed in categories and tagged."),
                @Tag(name = "Categories", description = "A tree of categories to file posts in.")
        },
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class)))
public class TribuneApplication extends Application {
}
