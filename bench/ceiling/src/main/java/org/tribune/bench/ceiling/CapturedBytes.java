package org.tribune.bench.ceiling;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.Map;

/**
 * Answers each captured request (path and query) with the exact body Tribune gave it, read once at start:
 * what the HTTP stack alone costs for the same bytes. The captures are named in {@code index.tsv} of the
 * directory given by {@code ceiling.dir}: one line per request, "path?query TAB file".
 */
@Path("/")
public class CapturedBytes {

    private static final Map<String, byte[]> BODIES = load(System.getProperty("ceiling.dir", "captures"));

    @GET
    @Path("{any: .*}")
    public Response get(@Context UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        byte[] body = BODIES.get(uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query));
        if (body == null) {
            return Response.status(404).build();
        }
        return Response.ok(body, "application/json").build();
    }

    private static Map<String, byte[]> load(String dir) {
        Map<String, byte[]> bodies = new HashMap<>();
        try {
            for (String line : Files.readAllLines(Paths.get(dir, "index.tsv"))) {
                String[] parts = line.split("\t");
                bodies.put(parts[0], Files.readAllBytes(Paths.get(dir, parts[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bodies;
    }
}
