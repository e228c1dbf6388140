package org.tribune.persistence;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class SlugHistoryApiTest extends ApiTestSupport {

    private static RequestSpecification noRedirects() {
        return given().redirects().follow(false);
    }

    private static void rename(String collection, String id, String slug) {
        mergePatch()
                .body(Map.of("slug", slug))
                .patch("/api/v1/" + collection + "/" + id)
                .then()
                .statusCode(200)
                .body("slug", equalTo(slug));
    }

    private static void answersMovedTo(String collection, String oldSlug, String currentSlug) {
        noRedirects()
                .get("/api/v1/" + collection + "/slug/" + oldSlug)
                .then()
                .statusCode(301)
                .header("Location", endsWith("/api/v1/" + collection + "/slug/" + currentSlug));
    }

    @Test
    void aRenamedPostAnswers301FromEachOldSlugToItsCurrentOneKeepingTheQuery() {
        String u = unique();
        String post = createPost(Map.of("title", "Premier titre " + u, "content", "<p>x</p>", "status", "published"));
        rename("posts", post, "deuxieme-" + u);
        rename("posts", post, "troisieme-" + u);

        answersMovedTo("posts", "premier-titre-" + u, "troisieme-" + u);
        answersMovedTo("posts", "deuxieme-" + u, "troisieme-" + u);
        noRedirects()
                .queryParam("lang", "fr")
                .get("/api/v1/posts/slug/deuxieme-" + u)
                .then()
                .statusCode(301)
                .header("Location", endsWith("/api/v1/posts/slug/troisieme-" + u + "?lang=fr"));
        // A client that follows the redirect gets the post.
        given().get("/api/v1/posts/slug/premier-titre-" + u)
                .then()
                .statusCode(200)
                .body("id", equalTo(post))
                .body("slug", equalTo("troisieme-" + u));
    }

    @Test
    void categoriesHonoraryCitizensAndPrizesKeepTheirOldSlugsToo() {
        String u = unique();
        String category = createCategory("Rubrique " + u);
        rename("categories", category, "rubrique-renommee-" + u);
        answersMovedTo("categories", "rubrique-" + u, "rubrique-renommee-" + u);

        String citizen = createCitizen("Citoyenne " + u);
        rename("honorary-citizens", citizen, "citoyenne-renommee-" + u);
        answersMovedTo("honorary-citizens", "citoyenne-" + u, "citoyenne-renommee-" + u);

        String prize = createPrize("Prix " + u);
        rename("prizes", prize, "prix-renomme-" + u);
        answersMovedTo("prizes", "prix-" + u, "prix-renomme-" + u);
    }

    @Test
    void anOldSlugStaysReservedToItsItemWhichMayTakeItBack() {
        String u = unique();
        String first = createPost(Map.of("title", "Mémoire " + u, "content", "<p>x</p>"));
        rename("posts", first, "memoire-ancienne-" + u);

        json().body(Map.of("title", "Autre " + u, "content", "<p>x</p>", "slug", "memoire-" + u))
                .post("/api/v1/posts")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        // A slug generated from the same title steps over the reserved one.
        json().body(Map.of("title", "Mémoire " + u, "content", "<p>x</p>"))
                .post("/api/v1/posts")
                .then()
                .statusCode(201)
                .body("slug", equalTo("memoire-" + u + "-2"));

        rename("posts", first, "memoire-" + u);
        given().get("/api/v1/posts/slug/memoire-" + u).then().statusCode(200).body("id", equalTo(first));
        answersMovedTo("posts", "memoire-ancienne-" + u, "memoire-" + u);
    }

    @Test
    void deletingAnItemFreesItsOldSlugs() {
        String u = unique();
        String category = createCategory("Éphémère " + u);
        rename("categories", category, "ephemere-renommee-" + u);
        editor().delete("/api/v1/categories/" + category).then().statusCode(204);

        noRedirects().get("/api/v1/categories/slug/ephemere-" + u).then().statusCode(404);
        json().body(Map.of("name", "Nouvelle " + u, "slug", "ephemere-" + u))
                .post("/api/v1/categories")
                .then()
                .statusCode(201);
    }

    @Test
    void theOldSlugOfAPostTheCallerMayNotReadAnswers404() {
        String u = unique();
        String draft = createPost(Map.of("title", "Brouillon " + u, "content", "<p>x</p>", "status", "draft"));
        rename("posts", draft, "brouillon-renomme-" + u);

        noRedirects()
                .get("/api/v1/posts/slug/brouillon-" + u)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        noRedirects()
                .auth()
                .oauth2(token("editor"))
                .get("/api/v1/posts/slug/brouillon-" + u)
                .then()
                .statusCode(301);
    }
}
