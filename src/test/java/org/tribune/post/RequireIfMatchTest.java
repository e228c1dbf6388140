package org.tribune.post;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;
import org.tribune.persistence.IfMatchPolicy;

/** {@code tribune.require-if-match=true}, set for one test by swapping the policy bean rather than booting again. */
@QuarkusTest
class RequireIfMatchTest extends ApiTestSupport {

    @BeforeEach
    void requireIfMatch() {
        QuarkusMock.installMockForType(new IfMatchPolicy(true), IfMatchPolicy.class);
    }

    @Test
    void changesWithoutIfMatchGet428AndChangeNothing() {
        String id = createPost(Map.of("title", "Exigence " + unique(), "content", "<p>x</p>"));
        String etag = editor().get("/api/v1/posts/" + id).then().extract().header("ETag");

        mergePatch()
                .body(Map.of("title", "Sans version"))
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tribune:problem:precondition-required"));
        editor().delete("/api/v1/posts/" + id).then().statusCode(428);
        mergePatch()
                .header("If-Match", etag)
                .body(Map.of("title", "Avec version"))
                .patch("/api/v1/posts/" + id)
                .then()
                .statusCode(200)
                .body("title", equalTo("Avec version"));
    }
}
