package org.tribune.media;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** With a CDN in front of the media, every file URL Tribune gives starts with the CDN's origin. */
@QuarkusTest
@TestProfile(MediaBaseUrlTest.BehindACdn.class)
class MediaBaseUrlTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String CDN = "https://cdn.example.org";

    public static class BehindACdn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("media_cdn", RUN, Map.of("tribune.media.base-url", CDN + "/"));
        }
    }

    @Test
    void everyFileUrlStartsWithTheCdnAndItsPathIsServedByTheApi() {
        String id = uploadImage();
        String post = createPost(Map.of(
                "title",
                "Vue du parvis " + unique(),
                "content",
                "<p>x</p>",
                "status",
                "published",
                "featuredMedia",
                id));
        JsonPath media = given().get("/api/v1/media/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        List<String> urls = new ArrayList<>();
        urls.add(media.getString("url"));
        urls.addAll(media.getList("renditions.url"));
        urls.add(media.getString("sizes.thumbnail.url"));
        urls.add(given().get("/api/v1/posts/" + post).then().extract().path("featuredMedia.url"));
        assertThat(urls).allSatisfy(url -> assertThat(url).startsWith(CDN + "/api/v1/media/" + id + "/file?"));
        assertThat(media.getMap("srcset").values())
                .allSatisfy(srcset -> assertThat((String) srcset).startsWith(CDN + "/api/v1/media/"));
        // The CDN forwards the path to the instances, which serve it as ever.
        for (String url : urls) {
            given().get(url.substring(CDN.length()))
                    .then()
                    .statusCode(200)
                    .header("Cache-Control", "public, max-age=31536000, immutable");
        }
    }
}
