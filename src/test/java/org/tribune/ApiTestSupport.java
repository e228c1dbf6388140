package org.tribune;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;

/**
 * Every REST Assured call of every test goes through a filter that validates the response against the committed
 * openapi.yaml, so the spec and the behaviour cannot drift apart. Requests are not validated: many tests send
 * invalid requests on purpose.
 */
public abstract class ApiTestSupport {

    public static final Path SPEC = Path.of("openapi.yaml");
    private static OpenApiValidationFilter validation;

    @BeforeAll
    static void validateResponsesAgainstSpec() {
        if (validation == null) {
            try {
                OpenApiInteractionValidator validator = OpenApiInteractionValidator
                        .createForInlineApiSpecification(Files.readString(SPEC))
                        .withLevelResolver(LevelResolver.create()
                                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                                .build())
                        .build();
                validation = new OpenApiValidationFilter(validator);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!RestAssured.filters().contains(validation)) {
            RestAssured.filters(validation);
        }
    }

    /** A short token that keeps each test's names, slugs and tags apart from every other test's. */
    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    protected static RequestSpecification json() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    protected static RequestSpecification mergePatch() {
        return given().contentType("application/merge-patch+json; charset=UTF-8").accept(ContentType.JSON);
    }

    protected static String createCategory(String name) {
        return createCategory(Map.of("name", name));
    }

    protected static String createCategory(Map<String, ?> body) {
        return json().body(body).post("/api/v1/categories").then().statusCode(201).extract().path("id");
    }

    protected static String createPost(Map<String, ?> body) {
        return json().body(body).post("/api/v1/posts").then().statusCode(201).extract().path("id");
    }
}
