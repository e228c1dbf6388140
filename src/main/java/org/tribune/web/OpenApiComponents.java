package org.tribune.web;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The shared parts of the spec: error responses, headers, nullable references, patch schemas, and pruning. */
final class OpenApiComponents {

    private OpenApiComponents() {}

    /**
     * A schema no operation reaches (the write record behind a patch-only operation, the patch of a resource that
     * has no PATCH) would become a dead class in every generated client.
     */
    static void dropUnreferencedSchemas(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        if (schemas == null) {
            return;
        }
        Set<String> reached = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>();
        for (PathItem item : openAPI.getPaths().getPathItems().values()) {
            for (Operation op : item.getOperations().values()) {
                if (op.getParameters() != null) {
                    op.getParameters().forEach(p -> push(pending, p.getSchema()));
                }
                if (op.getRequestBody() != null && op.getRequestBody().getContent() != null) {
                    op.getRequestBody()
                            .getContent()
                            .getMediaTypes()
                            .values()
                            .forEach(m -> push(pending, m.getSchema()));
                }
                if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                    op.getResponses().getAPIResponses().values().forEach(r -> pushContent(pending, r));
                }
            }
        }
        if (openAPI.getComponents().getResponses() != null) {
            openAPI.getComponents().getResponses().values().forEach(r -> pushContent(pending, r));
        }
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(h -> push(pending, h.getSchema()));
        }
        while (!pending.isEmpty()) {
            Schema s = pending.pop();
            if (s.getRef() != null) {
                String name = s.getRef().substring(s.getRef().lastIndexOf('/') + 1);
                if (reached.add(name) && schemas.containsKey(name)) {
                    push(pending, schemas.get(name));
                }
                continue;
            }
            if (s.getProperties() != null) {
                s.getProperties().values().forEach(child -> push(pending, child));
            }
            push(pending, s.getItems());
            push(pending, s.getAdditionalPropertiesSchema());
            push(pending, s.getNot());
            for (List<Schema> group : Arrays.asList(s.getAllOf(), s.getAnyOf(), s.getOneOf())) {
                if (group != null) {
                    group.forEach(child -> push(pending, child));
                }
            }
        }
        for (String name : new ArrayList<>(schemas.keySet())) {
            if (!reached.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    static void pushContent(Deque<Schema> pending, APIResponse response) {
        if (response.getContent() != null) {
            response.getContent().getMediaTypes().values().forEach(m -> push(pending, m.getSchema()));
        }
        if (response.getHeaders() != null) {
            response.getHeaders().values().forEach(h -> push(pending, h.getSchema()));
        }
    }

    static void push(Deque<Schema> pending, Schema schema) {
        if (schema != null) {
            pending.push(schema);
        }
    }

    /**
     * The scanner writes a nullable property of a named type as {@code anyOf: [$ref, null]}. Objects and enums
     * become {@code nullable: true, allOf: [$ref]}, the OpenAPI 3.0 form that code generators read as "this type,
     * or null", so a client names the property's type after its schema (MediaRef, FocalPoint, PostStatus...).
     * Plain scalar types (UUID, Instant, LocalDate) are inlined as a nullable string with their format: they have
     * no name worth keeping in a client.
     */
    static void nullableRefs(Components c) {
        if (c.getSchemas() == null) {
            return;
        }
        for (Schema schema : c.getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                boolean nullable =
                        property.getType() != null && property.getType().contains(Schema.SchemaType.NULL);
                List<Schema> wrapped = property.getAnyOf() != null
                        ? property.getAnyOf()
                        : property.getOneOf() != null ? property.getOneOf() : property.getAllOf();
                if (wrapped == null) {
                    continue;
                }
                nullable |= wrapped.stream()
                        .anyMatch(w -> w.getType() != null && w.getType().contains(Schema.SchemaType.NULL));
                if (!nullable) {
                    continue;
                }
                String ref = wrapped.stream()
                        .map(Schema::getRef)
                        .filter(r -> r != null)
                        .findFirst()
                        .orElse(null);
                Schema target = ref == null ? null : c.getSchemas().get(ref.substring(ref.lastIndexOf('/') + 1));
                if (target == null) {
                    continue;
                }
                property.setAnyOf(null);
                property.setAllOf(null);
                property.setOneOf(null);
                if (target.getProperties() != null || target.getEnumeration() != null) {
                    // Written for OpenAPI 3.0 as `type: object` (or string), `nullable: true` beside the allOf.
                    List<Schema.SchemaType> types = new ArrayList<>(
                            target.getType() == null ? List.of(Schema.SchemaType.OBJECT) : target.getType());
                    types.add(Schema.SchemaType.NULL);
                    property.setType(types);
                    property.setAllOf(List.of(OASFactory.createSchema().ref(ref)));
                    continue;
                }
                if (target.getType() != null) {
                    List<Schema.SchemaType> types = new ArrayList<>(target.getType());
                    types.add(Schema.SchemaType.NULL);
                    property.setType(types);
                }
                property.setFormat(target.getFormat());
                property.setPattern(target.getPattern());
            }
        }
    }

    /**
     * A merge patch of {@code XWrite} is documented as {@code XPatch}: the same properties, none required, so that
     * generated clients can send just the fields that change.
     */
    static void addPatchSchemas(Components c) {
        if (c.getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> e : new TreeMap<>(c.getSchemas()).entrySet()) {
            if (!e.getKey().endsWith("Write")) {
                continue;
            }
            String patchName = e.getKey().substring(0, e.getKey().length() - "Write".length()) + "Patch";
            Schema write = e.getValue();
            c.addSchema(
                    patchName,
                    OASFactory.createSchema()
                            .addType(Schema.SchemaType.OBJECT)
                            .description(
                                    "RFC 7396 JSON merge patch of " + e.getKey() + ": only the fields to change."
                                            + " A null value resets that field as if it were absent from a PUT. Unknown fields are rejected.")
                            .properties(patchProperties(c, write.getProperties())));
        }
    }

    /**
     * A merge patch merges nested objects field by field (RFC 7396), so a property holding an object with required
     * fields refers to a patch of that object, where none is required.
     */
    private static Map<String, Schema> patchProperties(Components c, Map<String, Schema> properties) {
        if (properties == null) {
            return null;
        }
        Map<String, Schema> patched = new java.util.LinkedHashMap<>();
        properties.forEach((name, property) -> {
            String ref = property.getRef();
            String prefix = "#/components/schemas/";
            Schema nested = ref == null || !ref.startsWith(prefix)
                    ? null
                    : c.getSchemas().get(ref.substring(prefix.length()));
            if (nested == null
                    || nested.getRequired() == null
                    || nested.getRequired().isEmpty()) {
                patched.put(name, property);
                return;
            }
            String patchName = ref.substring(prefix.length()) + "Patch";
            c.addSchema(
                    patchName,
                    OASFactory.createSchema()
                            .addType(Schema.SchemaType.OBJECT)
                            .description("Merged field by field: only the fields to change.")
                            .properties(nested.getProperties()));
            patched.put(name, OASFactory.createSchema().ref(patchName));
        });
        return patched;
    }

    /**
     * A property that may be one of several schemas, and has a title, refers to a schema of that name instead, so
     * that generated clients get one named type for it rather than one they name themselves.
     */
    static void nameTitledOneOfs(Components c) {
        if (c.getSchemas() == null) {
            return;
        }
        for (Schema schema : new ArrayList<>(c.getSchemas().values())) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Map.Entry<String, Schema> property :
                    new ArrayList<>(schema.getProperties().entrySet())) {
                Schema p = property.getValue();
                if (p.getOneOf() == null || p.getTitle() == null) {
                    continue;
                }
                c.addSchema(
                        p.getTitle(),
                        OASFactory.createSchema()
                                .addType(Schema.SchemaType.OBJECT)
                                .oneOf(p.getOneOf()));
                schema.addProperty(
                        property.getKey(),
                        OASFactory.createSchema()
                                .description(p.getDescription())
                                .addType(Schema.SchemaType.OBJECT)
                                .addAllOf(OASFactory.createSchema().ref(p.getTitle())));
            }
        }
    }

    static void addSharedResponses(Components c) {
        problem(
                c,
                "BadRequest",
                "Malformed JSON, an unknown or mistyped property, an invalid field, or a query"
                        + " parameter that does not parse or is out of range. Validation errors list each field in `errors`.");
        problem(
                c,
                "Unauthorized",
                "No bearer token, or one that is malformed, expired, revoked or not signed by this"
                        + " server; or, when signing in, a wrong username or password. Carries WWW-Authenticate: Bearer.");
        problem(
                c,
                "Forbidden",
                "The token is valid, but its role does not allow this request (an author changing"
                        + " someone else's post, an editor managing users...).");
        problem(
                c,
                "TooManyRequests",
                "Too many failed sign-ins for this username or from this address. Retry-After"
                        + " says how many seconds to wait.");
        problem(c, "NotFound", "No resource with this id or slug.");
        problem(
                c,
                "Gone",
                "The changes feed no longer has what this cursor needs (the changes were compacted, or a backup"
                        + " was restored since): sync again from the start, without `after`.");
        problem(
                c,
                "TooLarge",
                "The upload is over the size limit, or the image over the pixel limit (checked from its"
                        + " header, before decoding).");
        problem(
                c,
                "UnsupportedFileType",
                "The file's bytes are not one of the accepted types (JPEG, PNG, WebP, GIF, PDF)."
                        + " SVG and HTML are refused: they can carry scripts.");
        problem(c, "RangeNotSatisfiable", "The Range starts beyond the end of the file. Content-Range gives its size.");
        problem(
                c,
                "Conflict",
                "The request conflicts with the current state: a name or slug is taken, a category"
                        + " hierarchy would form a cycle, or a category still holds posts.");
        problem(
                c,
                "PreconditionFailed",
                "If-Match names a representation that is no longer current. Fetch the" + " resource again and retry.");
        problem(
                c,
                "PreconditionRequired",
                "The server is set to require If-Match (tribune.require-if-match) and the"
                        + " request has none. Fetch the resource and send its ETag.");
        problem(
                c,
                "SearchUnavailable",
                "The search index is being rebuilt, or has not caught up with the latest writes within 10 seconds"
                        + " (Lucene, on the embedded database: after a restore, say). Retry-After says how many"
                        + " seconds to wait. PostgreSQL's full-text search never answers this. Like every operation,"
                        + " it also answers 503 while the database cannot be reached (see Unavailable).");
        c.getResponses()
                .get("SearchUnavailable")
                .addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        problem(
                c,
                "Unavailable",
                "The database or the media storage is not available right now: during a restart, a fail-over or an"
                        + " outage, which lasts seconds, or while the database is too busy to take the request in"
                        + " time. Retry-After says how many seconds to wait. A write answered so"
                        + " was not applied, unless the connection failed while it committed: before repeating a write"
                        + " that is not idempotent, read the resource, or send it with If-Match.");
        c.getResponses()
                .get("Unavailable")
                .addHeader("Retry-After", OASFactory.createHeader().ref("Retry-After"));
        problem(c, "NotAcceptable", "None of the media types in Accept can be produced.");
        problem(c, "UnsupportedMediaType", "The request body's Content-Type is not accepted here.");
        problem(c, "InternalError", "The server failed. The detail carries a reference to quote when reporting it.");
        c.addResponse(
                "NotModified",
                OASFactory.createAPIResponse()
                        .description(
                                "The representation matching If-None-Match (or If-Modified-Since) is still current.")
                        .addHeader("ETag", OASFactory.createHeader().ref("ETag")));
        c.addResponse(
                "MovedPermanently",
                OASFactory.createAPIResponse()
                        .description("The slug is one the item had before: `Location` is the URL of its current slug."
                                + " Old slugs keep answering this for as long as the item exists.")
                        .addHeader(
                                "Location",
                                OASFactory.createHeader()
                                        .description("URL of the same item under its current slug.")
                                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))));
    }

    static void problem(Components c, String name, String description) {
        c.addResponse(
                name,
                OASFactory.createAPIResponse()
                        .description(description)
                        .content(OASFactory.createContent()
                                .addMediaType(
                                        ProblemMappers.PROBLEM_JSON,
                                        OASFactory.createMediaType()
                                                .schema(OASFactory.createSchema()
                                                        .ref("Problem")))));
    }

    static void addSharedHeaders(Components c) {
        header(
                c,
                "ETag",
                Schema.SchemaType.STRING,
                "Validator of this representation, for If-None-Match and If-Match. Strong on single"
                        + " resources, weak on collections.");
        header(c, "Last-Modified", Schema.SchemaType.STRING, "When the resource last changed (HTTP date).");
        header(c, "Location", Schema.SchemaType.STRING, "URL of the created resource.");
        header(c, "Link", Schema.SchemaType.STRING, "RFC 8288 links to the first, prev, next and last pages.");
        header(c, "X-Total-Count", Schema.SchemaType.INTEGER, "Items matching the filters, over all pages.");
        header(c, "Retry-After", Schema.SchemaType.INTEGER, "Seconds to wait before trying again.");
        c.addHeader(
                Representations.SEARCH_SINCE,
                OASFactory.createHeader()
                        .description("Sent when `q` matched more posts than the search ranks: the total, the"
                                + " facets and the order cover the posts published at or after this time (and"
                                + " whatever has no date) only. Absent when they cover every match.")
                        .schema(OASFactory.createSchema()
                                .addType(Schema.SchemaType.STRING)
                                .format("date-time")));
    }

    static void header(Components c, String name, Schema.SchemaType type, String description) {
        c.addHeader(
                name,
                OASFactory.createHeader()
                        .description(description)
                        .schema(OASFactory.createSchema().addType(type)));
    }
}
