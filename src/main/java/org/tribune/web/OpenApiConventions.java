package org.tribune.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Writes the house conventions into the spec once, instead of repeating annotations on every method: the shared
 * error responses (all pointing to the one Problem schema), 304 on reads, 412 on conditional writes, and the
 * headers that collections and single resources carry. A response an operation declares itself is left alone.
 */
public class OpenApiConventions implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        OpenApiComponents.addSharedResponses(components);
        OpenApiComponents.addSharedHeaders(components);
        OpenApiComponents.nullableRefs(components);
        OpenApiComponents.addPatchSchemas(components);
        OpenApiComponents.nameTitledOneOfs(components);
        if (openAPI.getPaths() == null) {
            return;
        }
        Map<String, List<String>> access = AccessRules.byOperationId();
        Map<String, Method> methods = OpenApiRequests.methodsByOperationId();
        Map<String, RequestExample> examples = OpenApiRequests.requestExamples();
        for (Map.Entry<String, PathItem> path :
                openAPI.getPaths().getPathItems().entrySet()) {
            String url = path.getKey();
            boolean single = url.endsWith("}");
            for (Map.Entry<PathItem.HttpMethod, Operation> op :
                    path.getValue().getOperations().entrySet()) {
                Method method = methods.get(op.getValue().getOperationId());
                OpenApiRequests.requestBody(op.getValue(), method, examples);
                OpenApiRequests.declaredStatus(op.getValue(), method);
                applyConventions(url, single, computed(op.getValue()), op.getKey(), op.getValue());
                searchUnavailable(op.getValue());
                addRef(op.getValue().getResponses(), "503", "Unavailable");
                arrayExamples(op.getValue());
                documentAccess(op.getValue(), access.get(op.getValue().getOperationId()));
            }
        }
        OpenApiComponents.dropUnreferencedSchemas(openAPI);
    }

    /**
     * States on each operation who may call it: {@code x-roles} (empty for public operations), a sentence in the
     * description, the bearer requirement, and 403 where a token is needed. Every operation may answer 401: a
     * token that is sent is checked even where none is needed, so that a client never mistakes an expired token
     * for anonymous access.
     */
    private static void documentAccess(Operation op, List<String> roles) {
        if (roles == null) {
            return;
        }
        op.addExtension("x-roles", roles);
        op.getResponses().addAPIResponse("401", OASFactory.createAPIResponse().ref("Unauthorized"));
        String sentence = roles.isEmpty()
                ? "Public: no token needed. A token that is sent is checked (401 when invalid), and may show more, such as drafts to signed-in callers."
                : "Needs a bearer token with the role " + String.join(" or ", roles) + ".";
        op.setDescription(op.getDescription() == null ? sentence : op.getDescription() + "\n\n" + sentence);
        if (roles.isEmpty()) {
            // Optional security: anonymous callers are welcome, and a token, when sent, is checked and may show more.
            op.setSecurity(List.of(
                    OASFactory.createSecurityRequirement(),
                    OASFactory.createSecurityRequirement().addScheme("bearer")));
            return;
        }
        op.setSecurity(List.of(OASFactory.createSecurityRequirement().addScheme("bearer")));
        op.getResponses().addAPIResponse("403", OASFactory.createAPIResponse().ref("Forbidden"));
    }

    private static void applyConventions(
            String url, boolean single, boolean computed, PathItem.HttpMethod method, Operation op) {
        APIResponses responses = op.getResponses();
        boolean hasInput = (op.getParameters() != null && !op.getParameters().isEmpty()) || op.getRequestBody() != null;
        if (hasInput) {
            addRef(responses, "400", "BadRequest");
        }
        if (url.contains("{")) {
            addRef(responses, "404", "NotFound");
        }
        switch (method) {
            case GET -> {
                if (url.contains("{slug}")) {
                    addRef(responses, "301", "MovedPermanently");
                }
                APIResponse ok = responses.getAPIResponse("200");
                if (!isConditional(ok)) {
                    break;
                }
                addRef(responses, "304", "NotModified");
                if (ok == null) {
                    break;
                }
                if (computed) {
                    addHeaders(ok, "ETag");
                } else if (single || !isPage(ok)) {
                    addHeaders(ok, "ETag", "Last-Modified");
                } else {
                    addHeaders(ok, "ETag", "Link", "X-Total-Count");
                }
            }
            case POST -> {
                addConflict(op);
                addPreconditionFailed(op);
                if (op.getRequestBody() != null) {
                    addRef(responses, "415", "UnsupportedMediaType");
                }
                APIResponse created = responses.getAPIResponse("201");
                if (created != null) {
                    addHeaders(created, "Location", "ETag", "Last-Modified");
                }
            }
            case PUT, PATCH -> {
                addConflict(op);
                addPreconditionFailed(op);
                addRef(responses, "415", "UnsupportedMediaType");
                APIResponse ok = responses.getAPIResponse("200");
                if (ok != null) {
                    addHeaders(ok, "ETag", "Last-Modified");
                }
            }
            case DELETE -> addPreconditionFailed(op);
            default -> {}
        }
        addRef(responses, "406", "NotAcceptable");
        addRef(responses, "500", "InternalError");
    }

    /**
     * Marks an operation whose {@code q} is answered by the search engine, which may answer 503 (see the
     * SearchUnavailable response); the mark itself is not part of the spec.
     */
    public static final String SEARCHES = "x-tribune-searches";

    /**
     * Marks a read answered with {@code Representations.computed}: a weak ETag over the body, and no Last-Modified,
     * Link or total (the changes feed, a webhook delivery, the search index's status).
     */
    public static final String COMPUTED = "x-tribune-computed";

    private static boolean computed(Operation op) {
        return takeMark(op, COMPUTED);
    }

    /**
     * Whether the operation carries this mark, which is then removed: SmallRye copies a method's extensions onto the
     * responses it declares, and a mark is not part of the spec.
     */
    private static boolean takeMark(Operation op, String mark) {
        boolean marked = op.getExtensions() != null && op.getExtensions().containsKey(mark);
        op.removeExtension(mark);
        APIResponses responses = op.getResponses();
        if (responses != null) {
            responses.removeExtension(mark);
            if (responses.getAPIResponses() != null) {
                responses.getAPIResponses().values().forEach(r -> r.removeExtension(mark));
            }
        }
        return marked;
    }

    private static void searchUnavailable(Operation op) {
        if (takeMark(op, SEARCHES)) {
            addRef(op.getResponses(), "503", "SearchUnavailable");
            APIResponse ok = op.getResponses().getAPIResponse("200");
            if (ok != null) {
                addHeaders(ok, Representations.SEARCH_SINCE);
            }
        }
    }

    /** A repeatable query parameter is an array: its single example becomes an array of one. */
    private static void arrayExamples(Operation op) {
        if (op.getParameters() == null) {
            return;
        }
        for (Parameter p : op.getParameters()) {
            Schema s = p.getSchema();
            if (s != null
                    && s.getType() != null
                    && s.getType().contains(Schema.SchemaType.ARRAY)
                    && p.getExample() != null
                    && !(p.getExample() instanceof List)) {
                p.setExample(List.of(p.getExample()));
            }
        }
    }

    /** A page of a list (PageResponse..., or a name ending in Page): the others are one thing, even without an id. */
    private static boolean isPage(APIResponse ok) {
        return ok.getContent() != null
                && ok.getContent().getMediaTypes().values().stream()
                        .map(m -> m.getSchema() == null ? null : m.getSchema().getRef())
                        .anyMatch(ref -> ref != null && (ref.contains("/PageResponse") || ref.endsWith("Page")));
    }

    /**
     * JSON representations, XML documents (feeds, sitemaps) and files carry validators; a streamed archive (the
     * backup export) does not.
     */
    private static boolean isConditional(APIResponse ok) {
        return ok == null
                || ok.getContent() == null
                || ok.getContent().hasMediaType("application/json")
                || ok.getContent().getMediaTypes().keySet().stream()
                        .anyMatch(t -> t.endsWith("xml") || t.endsWith("+json"))
                || (ok.getHeaders() != null && ok.getHeaders().containsKey("ETag"));
    }

    /** Writes of a resource's fields may hit a taken name or slug; password and sign-in bodies cannot. */
    private static void addConflict(Operation op) {
        if (op.getRequestBody() == null || op.getRequestBody().getContent() == null) {
            return;
        }
        boolean resourceFields = op.getRequestBody().getContent().getMediaTypes().values().stream()
                .map(m -> m.getSchema() == null ? null : m.getSchema().getRef())
                .anyMatch(ref ->
                        ref != null && (ref.endsWith("Write") || ref.endsWith("Patch") || ref.endsWith("Create")));
        if (resourceFields) {
            addRef(op.getResponses(), "409", "Conflict");
        }
    }

    private static void addPreconditionFailed(Operation op) {
        if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "If-Match".equals(p.getName()))) {
            addRef(op.getResponses(), "412", "PreconditionFailed");
            addRef(op.getResponses(), "428", "PreconditionRequired");
        }
    }

    /** Replaces the bare responses the scanner infers (such as a 400 for @Valid) with the shared problem ones. */
    private static void addRef(APIResponses responses, String status, String component) {
        APIResponse existing = responses.getAPIResponse(status);
        if (existing == null || (existing.getRef() == null && existing.getContent() == null)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    private static void addHeaders(APIResponse response, String... names) {
        for (String name : names) {
            if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
                response.addHeader(name, OASFactory.createHeader().ref(name));
            }
        }
    }
}
