package org.tribune.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.tribune.common.MergePatcher;

/** What a resource method's own annotations say about its request body and its status, beyond the scanner. */
final class OpenApiRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiRequests() {}

    /**
     * Every request body is required. A JSON body of a record shows the record's {@link RequestExample}; a merge
     * patch of one ({@link MergePatchOf}) is documented as its {@code XPatch} schema, with its patch example. A
     * body that declares its own schema or examples is left alone.
     */
    static void requestBody(Operation op, Method method, Map<String, RequestExample> examples) {
        RequestBody body = op.getRequestBody();
        if (body == null) {
            return;
        }
        if (body.getRequired() == null) {
            body.setRequired(true);
        }
        Class<? extends Record> patched = method == null ? null : patchedRecord(method);
        if (patched != null) {
            String write = schemaName(patched);
            String patch = write.substring(0, write.length() - "Write".length()) + "Patch";
            if (body.getContent() == null) {
                body.setContent(OASFactory.createContent());
            }
            MediaType media = body.getContent().getMediaType(MergePatcher.MEDIA_TYPE);
            if (media == null) {
                media = OASFactory.createMediaType();
                body.getContent().addMediaType(MergePatcher.MEDIA_TYPE, media);
            }
            RequestExample example = examples.get(write);
            if (example != null && !example.patch().isEmpty() && media.getExamples() == null) {
                media.setSchema(null);
                media.addExample(example.patchName(), example(example.patch()));
            }
            media.setSchema(OASFactory.createSchema().ref(patch));
            return;
        }
        if (body.getContent() == null) {
            return;
        }
        for (MediaType media : body.getContent().getMediaTypes().values()) {
            Schema schema = media.getSchema();
            if (schema == null || schema.getRef() == null || media.getExamples() != null) {
                continue;
            }
            RequestExample example =
                    examples.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            if (example != null) {
                // Examples come before the schema in the spec, as the scanner writes declared ones.
                media.setSchema(null);
                media.addExample(example.name(), example(example.value()));
                media.setSchema(schema);
            }
        }
    }

    /**
     * A method marked {@code @ResponseStatus(201)} answers 201 Created with the body the scanner documented as
     * 200; the conventions then add Location, ETag and Last-Modified to it.
     */
    static void declaredStatus(Operation op, Method method) {
        ResponseStatus status = method == null ? null : method.getAnnotation(ResponseStatus.class);
        APIResponses responses = op.getResponses();
        if (status == null || status.value() != 201 || responses.getAPIResponse("200") == null) {
            return;
        }
        Map<String, APIResponse> all = new LinkedHashMap<>(responses.getAPIResponses());
        APIResponse created = all.remove("200").description("Created");
        responses.setAPIResponses(null);
        responses.addAPIResponse("201", created);
        all.forEach(responses::addAPIResponse);
    }

    static Class<? extends Record> patchedRecord(Method method) {
        for (java.lang.reflect.Parameter p : method.getParameters()) {
            MergePatchOf of = p.getAnnotation(MergePatchOf.class);
            if (of != null) {
                return of.value();
            }
        }
        return null;
    }

    static Example example(String json) {
        try {
            return OASFactory.createExample().value(JSON.readValue(json, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A request example is not JSON: " + json, e);
        }
    }

    static Map<String, Method> methodsByOperationId() {
        Map<String, Method> methods = new HashMap<>();
        for (Class<?> type : AccessRules.resourceClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                org.eclipse.microprofile.openapi.annotations.Operation op =
                        m.getAnnotation(org.eclipse.microprofile.openapi.annotations.Operation.class);
                if (op != null && !op.operationId().isEmpty()) {
                    methods.put(op.operationId(), m);
                }
            }
        }
        return methods;
    }

    /** The request examples of the application's records, by the name of their schema. */
    static Map<String, RequestExample> requestExamples() {
        Map<String, RequestExample> examples = new HashMap<>();
        for (Class<?> type : AccessRules.applicationClasses()) {
            RequestExample example = type.getAnnotation(RequestExample.class);
            if (example != null) {
                examples.put(schemaName(type), example);
            }
        }
        return examples;
    }

    static String schemaName(Class<?> type) {
        org.eclipse.microprofile.openapi.annotations.media.Schema schema =
                type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        return schema != null && !schema.name().isEmpty() ? schema.name() : type.getSimpleName();
    }
}
