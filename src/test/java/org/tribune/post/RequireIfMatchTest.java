package org.tribune.post;

import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
@TestProfile(RequireIfMatchTest.Required.class)
class RequireIfMatchTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class Required implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("if_match", RUN, Map.of("tribune.require-if-match", "true"));
        }
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
