package org.tribune.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Serves docs/api-conventions.md, which the spec links to, so that an integrator who only has a running instance
 * can read the rules every operation follows. Not an API operation: it is left out of the spec.
 */
@Path("/docs")
public class ConventionsResource {

    private static final String MARKDOWN = "text/markdown; charset=UTF-8";
    private final byte[] conventions = read("/docs/api-conventions.md");

    @GET
    @Path("/api-conventions.md")
    @Produces(MARKDOWN)
    @PermitAll
    @Operation(hidden = true)
    public Response conventions() {
        return Response.ok(conventions, MARKDOWN)
                .header(HttpHeaders.CACHE_CONTROL, "public, no-cache")
                .build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConventionsResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
