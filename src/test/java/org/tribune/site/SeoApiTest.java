package org.tribune.site;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tribune.ApiTestSupport;

@QuarkusTest
class SeoApiTest extends ApiTestSupport {

    private static final String LONG_TEXT =
            "<p>" + "Le Conseil de Paris a voté une aide aux associations. ".repeat(12) + "</p>";

    @Test
    void emptySeoFieldsAreDerivedFromTheTitleTheExcerptAndTheFeaturedPhoto() {
        String u = unique();
        String photo = uploadImage();
        String post = createPost(Map.of(
                "title",
                "Aide aux associations " + u,
                "content",
                LONG_TEXT,
                "featuredMedia",
                photo,
                "status",
                "published"));
        given().get("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("seo.title", nullValue())
                .body("seo.noindex", equalTo(false))
                .body("metadata.title", equalTo("Aide aux associations " + u))
                .body("metadata.description", containsString("Le Conseil de Paris a voté"))
                .body("metadata.description.length()", lessThanOrEqualTo(160))
                .body("metadata.image.id", equalTo(photo))
                .body(
                        "metadata.canonical",
                        equalTo(given().get("/api/v1/posts/" + post).path("permalink")))
                .body("metadata.noindex", equalTo(false));
    }

    @Test
    void theEditorsSeoFieldsWinAndAMergePatchChangesOnlyTheOneItNames() {
        String u = unique();
        String photo = uploadImage();
        String sharing = uploadImage();
        Map<String, Object> seo = new HashMap<>();
        seo.put("title", "Titre pour les moteurs " + u);
        seo.put("description", "Une description écrite à la main.");
        seo.put("image", sharing);
        seo.put("noindex", true);
        String post =
                createPost(Map.of("title", "Billet " + u, "content", "<p>x</p>", "featuredMedia", photo, "seo", seo));
        given().auth()
                .oauth2(token("editor"))
                .get("/api/v1/posts/" + post)
                .then()
                .body("seo.title", equalTo("Titre pour les moteurs " + u))
                .body("seo.image", equalTo(sharing))
                .body("metadata.title", equalTo("Titre pour les moteurs " + u))
                .body("metadata.description", equalTo("Une description écrite à la main."))
                .body("metadata.image.id", equalTo(sharing))
                .body("metadata.noindex", equalTo(true));
        mergePatch()
                .body(Map.of("seo", Map.of("title", "Nouveau titre " + u)))
                .patch("/api/v1/posts/" + post)
                .then()
                .statusCode(200)
                .body("seo.title", equalTo("Nouveau titre " + u))
                .body("seo.description", equalTo("Une description écrite à la main."))
                .body("seo.noindex", equalTo(true));
    }

    @Test
    void categoriesHonoraryCitizensAndAwardsOfferTheSameDerivedMetadata() {
        String u = unique();
        String category = createCategory(Map.of("name", "Mémoire " + u, "description", "Lieux et dates de mémoire."));
        given().get("/api/v1/categories/" + category)
                .then()
                .body("metadata.title", equalTo("Mémoire " + u))
                .body("metadata.description", equalTo("Lieux et dates de mémoire."))
                .body("metadata.image", nullValue());
        String portrait = uploadImage();
        String citizen = json().body(Map.of(
                        "name",
                        "Citoyenne " + u,
                        "description",
                        "Journaliste emprisonnée.",
                        "conferredOn",
                        "2024-01-01",
                        "portrait",
                        portrait))
                .post("/api/v1/honorary-citizens")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().get("/api/v1/honorary-citizens/" + citizen)
                .then()
                .body("metadata.title", equalTo("Citoyenne " + u))
                .body("metadata.description", equalTo("Journaliste emprisonnée."))
                .body("metadata.image.id", equalTo(portrait));
        String prize = createPrize("Prix " + u);
        String award = createAward(Map.of(
                "prize",
                prize,
                "year",
                2025,
                "category",
                "Prix français",
                "distinction",
                "laureate",
                "recipientName",
                "Lauréate " + u,
                "recipientDescription",
                "Artiste féministe",
                "seo",
                Map.of("noindex", true)));
        given().get("/api/v1/awards/" + award)
                .then()
                .body("metadata.title", equalTo("Lauréate " + u + " – Prix français 2025"))
                .body("metadata.description", equalTo("Artiste féministe"))
                .body("metadata.noindex", equalTo(true));
    }

    @Test
    void aSharingImageThatIsNoImageOrTooLongFieldsGet400NamingThem() {
        String u = unique();
        json().body(Map.of(
                        "title",
                        "Mauvais " + u,
                        "content",
                        "<p>x</p>",
                        "seo",
                        Map.of("image", "00000000-0000-0000-0000-0000000000aa", "title", "t".repeat(201))))
                .post("/api/v1/posts")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("seo.title"));
        json().body(Map.of("name", "Mauvaise " + u, "seo", Map.of("image", "00000000-0000-0000-0000-0000000000aa")))
                .post("/api/v1/categories")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("seo.image"));
    }

    @Test
    void deletingASharingImageNamesTheItemsThatUseItUnlessForced() {
        String u = unique();
        String image = uploadImage();
        String category = createCategory(Map.of("name", "Partagée " + u, "seo", Map.of("image", image)));
        String post = createPost(Map.of("title", "Partagé " + u, "content", "<p>x</p>", "seo", Map.of("image", image)));
        editor().delete("/api/v1/media/" + image)
                .then()
                .statusCode(409)
                .body("detail", containsString("Partagée " + u))
                .body("detail", containsString(post));
        editor().queryParam("force", true)
                .delete("/api/v1/media/" + image)
                .then()
                .statusCode(204);
        given().get("/api/v1/categories/" + category).then().body("seo.image", nullValue());
        given().get("/api/v1/posts/" + post).then().body("seo.image", nullValue());
    }

    @Test
    void aCardSaysWhetherItsExcerptLeavesSomethingToRead() {
        String u = unique();
        createPost(Map.of("title", "Court " + u, "content", "<p>Tout tient ici.</p>", "tags", List.of(u)));
        createPost(Map.of("title", "Long " + u, "content", LONG_TEXT, "tags", List.of(u)));
        given().queryParam("tag", u)
                .queryParam("sort", "title")
                .get("/api/v1/posts")
                .then()
                .body("items.title", equalTo(List.of("Court " + u, "Long " + u)))
                .body("items.excerptTruncated", equalTo(List.of(false, true)))
                .body("items.content", equalTo(java.util.Arrays.asList(null, null)));
    }

    @Test
    void listsCarryWholePostsWithIncludeContentOnSmallerPages() {
        String u = unique();
        createPost(Map.of("title", "Entier " + u, "content", "<p>Le texte <em>entier</em>.</p>", "tags", List.of(u)));
        given().queryParam("tag", u)
                .queryParam("include", "content")
                .get("/api/v1/posts")
                .then()
                .statusCode(200)
                .body("items[0].content", equalTo("<p>Le texte <em>entier</em>.</p>"));
        given().queryParam("include", "content")
                .queryParam("size", 21)
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().queryParam("include", "everything")
                .get("/api/v1/posts")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("include"));
        given().queryParam("tag", u).get("/api/v1/posts").then().body("items[0].content", nullValue());
        given().get("/api/v1/posts?tag=" + u).then().body("items[0].excerptTruncated", notNullValue());
        given().get("/api/v1/posts?tag=" + u)
                .then()
                .body("items[0].metadata", nullValue())
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("metadata")));
    }
}
