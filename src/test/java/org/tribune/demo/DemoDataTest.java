package org.tribune.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

/** A fresh install started with tribune.demo=true, as the README's run command does. */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemo.class)
class DemoDataTest extends ApiTestSupport {

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    public static class WithDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return ApiTestSupport.ownInstance("demo", RUN, Map.of("tribune.demo", "true"));
        }
    }

    @Inject
    DemoData demo;

    @Test
    void theDemoSectionIsLoadedOnceWithItsPostsGalleriesHonoraryCitizensAndPrize() {
        given().queryParam("category", "droits-humains")
                .queryParam("size", 100)
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("totalItems", equalTo(20))
                .body("items.collect { it.gallery.size() }", everyItem(greaterThan(0)))
                .body("items.collect { it.gallery.size() }", everyItem(lessThanOrEqualTo(5)))
                .body("items.author.displayName", everyItem(equalTo("Administrator")));
        given().queryParam("prize", "prix-international-lgbtqia")
                .queryParam("year", 2025)
                .get("/api/v1/awards")
                .then()
                .body(
                        "items.recipientName",
                        equalTo(List.of(
                                "Anne Hidalgo",
                                "Carine Bahanag",
                                "Paulo Higgins",
                                "Bouhdid Belhedi",
                                "Aimé Biombi Akiki",
                                "Viktória Radványi",
                                "Yildiz Tar")));
        given().get("/api/v1/site")
                .then()
                .body("timeZone", equalTo("Europe/Paris"))
                .body("baseUrl", equalTo("https://droits-humains.example.org"));
        given().get("/api/v1/honorary-citizens/slug/cecile-kohler")
                .then()
                .body("permalink", equalTo("https://droits-humains.example.org/citoyens-d-honneur/cecile-kohler"));
        given().get("/api/v1/honorary-citizens/slug/cecile-kohler")
                .then()
                .statusCode(200)
                .body("vote", equalTo("unanimous"))
                .body("relatedPosts", hasSize(5));
        given().queryParam("honoraryCitizen", "jacques-paris")
                .get("/api/v1/posts")
                .then()
                .body("totalItems", equalTo(5));

        assertThat(demo.loadIfEmpty()).as("a second start loads nothing").isFalse();
        given().get("/api/v1/posts").then().body("totalItems", equalTo(20));
        given().get("/api/v1/honorary-citizens").then().body("totalItems", equalTo(3));
        given().get("/api/v1/awards").then().body("totalItems", equalTo(7));
        given().get("/api/v1/categories").then().body("totalItems", equalTo(4));
    }
}
